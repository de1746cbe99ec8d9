package dev.sevaswarm.people;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a person works, in their own time zone: from {@code start} to {@code end} on each of their
 * days. A shift whose end is not after its start runs over midnight and belongs to the day it
 * starts on (a Friday 22:00–06:00 shift is on shift early on Saturday). Day changes and daylight
 * saving follow the zone's rules: "09:00 in Europe/Dublin" is 08:00 UTC in summer and 09:00 in winter.
 */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

  public static final WorkingHours OFFICE = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0),
      Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

  public WorkingHours {
    start = start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES); // hours are kept as HH:mm
    end = end.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    days = Set.copyOf(days);
  }

  private boolean overnight() {
    return !end.isAfter(start);
  }

  /** Whether the instant falls in one of their shifts. */
  public boolean onShift(ZonedDateTime now, ZoneId zone) {
    ZonedDateTime local = now.withZoneSameInstant(zone);
    return shiftAround(local).isPresent();
  }

  /** The shift the moment falls in, as its start and end in the person's zone. */
  public Optional<List<ZonedDateTime>> shiftAround(ZonedDateTime local) {
    for (LocalDate day : List.of(local.toLocalDate(), local.toLocalDate().minusDays(1))) {
      if (!days.contains(day.getDayOfWeek())) {
        continue;
      }
      ZonedDateTime from = day.atTime(start).atZone(local.getZone());
      ZonedDateTime to = (overnight() ? day.plusDays(1) : day).atTime(end).atZone(local.getZone());
      if (!local.isBefore(from) && local.isBefore(to)) {
        return Optional.of(List.of(from, to));
      }
    }
    return Optional.empty();
  }

  /** When their current shift ends, if they are on one. */
  public Optional<ZonedDateTime> shiftEnd(ZonedDateTime now, ZoneId zone) {
    return shiftAround(now.withZoneSameInstant(zone)).map(shift -> shift.get(1));
  }

  /** When their next shift starts (within the coming week), if they have any working day. */
  public Optional<ZonedDateTime> nextStart(ZonedDateTime now, ZoneId zone) {
    ZonedDateTime local = now.withZoneSameInstant(zone);
    for (int ahead = 0; ahead <= 7; ahead++) {
      LocalDate day = local.toLocalDate().plusDays(ahead);
      ZonedDateTime from = day.atTime(start).atZone(zone);
      if (days.contains(day.getDayOfWeek()) && from.isAfter(local)) {
        return Optional.of(from);
      }
    }
    return Optional.empty();
  }
}
