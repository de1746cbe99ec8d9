package dev.sevaswarm.cases;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a customer's or a person's e-mail address, applied by the API and the playbook
 * alike: a plain address a mail server of the internet accepts ({@code name@example.com}), not a
 * quoted local part or a host without a domain ({@code kenji@localhost}).
 */
public final class EmailAddresses {

  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  private EmailAddresses() {}

  public static Optional<String> problem(String address) {
    if (address == null || address.isBlank()) {
      return Optional.of("must not be empty");
    }
    if (address.length() > FieldLimits.EMAIL) {
      return Optional.of("must be at most " + FieldLimits.EMAIL + " characters");
    }
    if (!ADDRESS.matcher(address).matches()) {
      return Optional.of("must be an e-mail address like name@example.com");
    }
    return Optional.empty();
  }
}
