package dev.sevaswarm.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Reads the times people and systems send: Tasklist's date-time picker may submit a time without
 * an offset, the API sends ISO-8601 with an offset. A time without an offset is taken as UTC.
 */
public final class Times {

  private Times() {}

  public static Optional<OffsetDateTime> parse(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof OffsetDateTime odt) {
      return Optional.of(odt);
    }
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atOffset(ZoneOffset.UTC));
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(Instant.parse(text).atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException notInstant) {
        try {
          return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
          throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time");
        }
      }
    }
  }
}
