package dev.sevaswarm.cases;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language and time zone a customer is spoken to in. Languages are those the message bundles
 * translate ({@code messages_<language>.properties}); zones are IANA ids such as {@code Asia/Tokyo}.
 */
public record CustomerLocale(Locale locale, ZoneId zone) {

  /** The languages the bundles translate; a new one is added with its bundle. */
  public static final Set<String> LANGUAGES = Set.of("en", "ja");

  public static Optional<String> languageProblem(String language) {
    return language == null || LANGUAGES.contains(language) ? Optional.empty()
        : Optional.of("must be one of " + new java.util.TreeSet<>(LANGUAGES));
  }

  public static Optional<String> zoneProblem(String zone) {
    if (zone == null) {
      return Optional.empty();
    }
    try {
      ZoneId id = ZoneId.of(zone);
      return id.getId().contains("/") || id.getId().equals("UTC") ? Optional.empty()
          : Optional.of("must be an IANA time zone such as Asia/Tokyo or America/New_York");
    } catch (DateTimeException e) {
      return Optional.of("must be an IANA time zone such as Asia/Tokyo or America/New_York");
    }
  }
}
