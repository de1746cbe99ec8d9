package dev.sevaswarm.cases;

import static dev.sevaswarm.cases.Playbook.Var;

import java.util.Map;
import java.util.Optional;

/**
 * The one truth about how long a field may be and what it may contain. The API's validation, its
 * OpenAPI document, the forms' {@code maxLength} and the database columns all follow these numbers
 * (tests compare the forms and the columns with them).
 */
public final class FieldLimits {

  /** Camunda keeps a String variable in a VARCHAR(4000) column: no longer text can be a variable. */
  public static final int LONG_TEXT = 4000;
  public static final int NAME = 200;
  public static final int TITLE = 300;
  /** RFC 5321: a path is at most 256 octets including the angle brackets. */
  public static final int EMAIL = 254;
  public static final int SERVICE = 100;
  public static final int SERVICES = 50;
  public static final int AREA = 100;

  /** The longest text each variable a person types may hold. */
  public static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
      Map.entry(Var.EXTERNAL_ID, NAME),
      Map.entry(Var.CUSTOMER, NAME),
      Map.entry(Var.CONTACT_NAME, NAME),
      Map.entry(Var.CONTACT_EMAIL, EMAIL),
      Map.entry(Var.TITLE, TITLE),
      Map.entry(Var.DESCRIPTION, LONG_TEXT),
      Map.entry(Var.BUSINESS_IMPACT, LONG_TEXT),
      Map.entry(Var.AREA, AREA),
      Map.entry(Var.FIRST_RESPONSE, LONG_TEXT),
      Map.entry(Var.FINDING, LONG_TEXT),
      Map.entry(Var.UPDATE_TEXT, LONG_TEXT),
      Map.entry(Var.DECISION, LONG_TEXT),
      Map.entry(Var.ROOT_CAUSE, LONG_TEXT),
      Map.entry(Var.RESOLUTION, LONG_TEXT),
      Map.entry(Var.SUMMARY, LONG_TEXT),
      Map.entry(Var.ACTIONS, LONG_TEXT),
      Map.entry(Var.NEXT_ACTION, LONG_TEXT));

  private FieldLimits() {}

  /** What is wrong with a text a person sent, if anything: too long, or control characters (NUL...). */
  public static Optional<String> problem(String text, int max) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.length() > max) {
      return Optional.of("must be at most " + max + " characters (got " + text.length() + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return Optional.of("must not contain control characters (found U+" + String.format("%04X", (int) c) + ")");
      }
    }
    return Optional.empty();
  }

  /** Cuts a text built from others (a root cause from a finding) to fit, saying that it was cut. */
  public static String fit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
