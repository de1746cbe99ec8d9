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

  /** Real zones lie between UTC-12 and UTC+14; databases refuse offsets much beyond that. */
  private static final int MAX_OFFSET_SECONDS = 14 * 3600;
  private static final int FIRST_YEAR = 1970;
  private static final int LAST_YEAR = 9999;

  /** What makes a time unusable for a case (a database cannot store it, no person means it), if anything. */
  public static Optional<String> problem(OffsetDateTime time) {
    if (time == null) {
      return Optional.empty();
    }
    if (Math.abs(time.getOffset().getTotalSeconds()) > MAX_OFFSET_SECONDS) {
      return Optional.of("must have an offset between -14:00 and +14:00");
    }
    if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
      return Optional.of("must be a date between the years " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    return Optional.empty();
  }

  /** Reads a time and refuses one that {@link #problem} finds unusable. */
  public static Optional<OffsetDateTime> parseUsable(Object value) {
    Optional<OffsetDateTime> time = parse(value);
    time.flatMap(Times::problem).ifPresent(problem -> {
      throw new IllegalArgumentException("'" + value + "' " + problem);
    });
    return time;
  }

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
