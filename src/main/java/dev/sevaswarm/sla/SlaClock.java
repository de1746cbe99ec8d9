package dev.sevaswarm.sla;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The deadlines of a case, computed from the moment its clock starts and the plan's promise. The
 * clock starts at the whole second (never later than the request), so every deadline is a whole
 * second too and reads the same in the case record, its variables and its timers.
 */
public record SlaClock(
    OffsetDateTime startedAt,
    OffsetDateTime firstResponseDue,
    OffsetDateTime firstResponseWarningAt,
    OffsetDateTime escalationDue,
    int updateCadenceMinutes) {

  public static SlaClock start(OffsetDateTime at, ResponseTimes times) {
    if (!times.supported()) {
      throw new IllegalArgumentException("the plan offers no technical support for this severity");
    }
    OffsetDateTime start = at.truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime due = start.plusMinutes(times.firstResponseMinutes());
    OffsetDateTime warning = due.minusMinutes(times.warningBeforeMinutes());
    return new SlaClock(
        start,
        due,
        warning.isBefore(start) ? start : warning,
        start.plusMinutes(times.escalationMinutes()),
        times.updateCadenceMinutes());
  }
}
