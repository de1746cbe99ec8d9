package dev.sevaswarm.sla;

import java.time.OffsetDateTime;

/** The deadlines of a case, computed from the moment its clock starts and the plan's promise. */
public record SlaClock(
    OffsetDateTime firstResponseDue,
    OffsetDateTime firstResponseWarningAt,
    OffsetDateTime escalationDue,
    int updateCadenceMinutes) {

  public static SlaClock start(OffsetDateTime now, ResponseTimes times) {
    if (!times.supported()) {
      throw new IllegalArgumentException("the plan offers no technical support for this severity");
    }
    OffsetDateTime due = now.plusMinutes(times.firstResponseMinutes());
    OffsetDateTime warning = due.minusMinutes(times.warningBeforeMinutes());
    return new SlaClock(
        due,
        warning.isBefore(now) ? now : warning,
        now.plusMinutes(times.escalationMinutes()),
        times.updateCadenceMinutes());
  }
}
