package dev.sevaswarm.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One line of a case's audit trail.
 *
 * @param time when it happened
 * @param actor who did it (a user id), or null for the playbook itself
 * @param action what happened, e.g. "task completed", "variable changed", "notification delivered"
 * @param elementId the diagram element (task key, activity id) or the variable, where there is one
 * @param elementName its human name
 * @param details the rest: values, recipients, reasons
 */
@JsonPropertyOrder({"time", "actor", "action", "elementId", "elementName", "details"})
public record AuditEntry(
    // one width for every time (milliseconds always written, UTC as Z), so the text sorts as time does
    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", timezone = "UTC")
    OffsetDateTime time, String actor, String action, String elementId, String elementName,
    String details) {

  /** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** The entry as a spreadsheet cell may show it: text that would start a formula is prefixed with '. */
  public AuditEntry forSpreadsheet() {
    return new AuditEntry(time, inert(actor), inert(action), inert(elementId), inert(elementName), inert(details));
  }

  private static String inert(String cell) {
    return cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0 ? cell : "'" + cell;
  }
}
