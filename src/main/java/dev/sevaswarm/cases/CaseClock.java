package dev.sevaswarm.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The case's notion of "now": the engine clock, so that timers, deadlines and the thread agree
 * (and tests can move all of them together).
 */
public final class CaseClock {

  private CaseClock() {}

  /** Now, to the millisecond (the order of the record depends on it); shown to the second. */
  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  /** ISO-8601 with offset, the one textual form of a time in variables and the API. */
  public static String format(OffsetDateTime time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
