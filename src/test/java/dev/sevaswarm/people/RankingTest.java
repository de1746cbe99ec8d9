package dev.sevaswarm.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Verdict;
import dev.sevaswarm.people.Ranking.Candidate;
import dev.sevaswarm.people.Ranking.Expert;
import dev.sevaswarm.people.Ranking.PastWork;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is on shift where, and who is suggested first, with explicit profiles, zones and instants. */
class RankingTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
  static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

  static ZonedDateTime utc(String instant) {
    return ZonedDateTime.parse(instant);
  }

  static Profile profile(String userId, ZoneId zone, Map<String, Integer> skills, boolean away) {
    return new Profile(userId, skills, List.of("pos"), zone, WorkingHours.OFFICE, away);
  }

  @Test
  void officeHoursAreInThePersonsOwnZone_acrossTheDateLine() {
    Profile tokyo = profile("kaito", TOKYO, Map.of(), false);
    // Monday 09:30 in Tokyo is still Sunday in UTC
    assertThat(Ranking.onShift(tokyo, utc("2026-11-30T00:30:00Z"))).isTrue();
    assertThat(Ranking.onShift(tokyo, utc("2026-11-29T23:30:00Z"))).as("Monday 08:30 JST").isFalse();
    Profile seattle = profile("riley", SEATTLE, Map.of(), false);
    // Friday 17:00 in Seattle is already Saturday in UTC: still Friday's shift
    assertThat(Ranking.onShift(seattle, utc("2026-12-05T01:00:00Z"))).isTrue();
    assertThat(Ranking.onShift(seattle, utc("2026-12-05T02:30:00Z"))).as("Friday 18:30 PST").isFalse();
  }

  @Test
  void daylightSavingMovesTheShiftInUtc() {
    Profile dublin = profile("siobhan", DUBLIN, Map.of(), false);
    // 08:30 UTC is 09:30 Irish summer time on Monday 30 March 2026, but 08:30 GMT on Monday 5 January
    assertThat(Ranking.onShift(dublin, utc("2026-03-30T08:30:00Z"))).isTrue();
    assertThat(Ranking.onShift(dublin, utc("2026-01-05T08:30:00Z"))).isFalse();
    // and 17:30 UTC is 18:30 in summer (over), 17:30 in winter (on)
    assertThat(Ranking.onShift(dublin, utc("2026-03-30T17:30:00Z"))).isFalse();
    assertThat(Ranking.onShift(dublin, utc("2026-01-05T17:30:00Z"))).isTrue();
  }

  @Test
  void aShiftOverMidnightBelongsToTheDayItStarts() {
    WorkingHours nights = new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0), Set.of(DayOfWeek.FRIDAY));
    Profile night = new Profile("nia", Map.of(), List.of(), DUBLIN, nights, false);
    assertThat(Ranking.onShift(night, utc("2026-12-04T23:00:00Z"))).as("Friday 23:00").isTrue();
    assertThat(Ranking.onShift(night, utc("2026-12-05T05:59:00Z"))).as("Saturday 05:59").isTrue();
    assertThat(Ranking.onShift(night, utc("2026-12-05T06:00:00Z"))).as("Saturday 06:00").isFalse();
    assertThat(Ranking.onShift(night, utc("2026-12-05T23:00:00Z"))).as("Saturday 23:00: no shift").isFalse();
    assertThat(Ranking.onShift(night, utc("2026-12-04T21:59:00Z"))).as("Friday 21:59").isFalse();
  }

  @Test
  void someoneOnShiftComesBeforeABetterExpertAsleep_awayComesLast_andLoadAndHistoryCount() {
    ZonedDateTime tokyoMorning = utc("2026-11-30T01:00:00Z"); // Monday 10:00 JST, 01:00 GMT, Sunday 17:00 PST
    List<Candidate> candidates = List.of(
        new Candidate("sam", "Sam Storage", profile("sam", DUBLIN, Map.of("storage", 3), false), true, 0, List.of(), 0),
        new Candidate("kaito", "Kaito Sato", profile("kaito", TOKYO, Map.of("storage", 2), false), true, 0, List.of(), 0),
        new Candidate("aiko", "Aiko Application", profile("aiko", TOKYO, Map.of("storage", 2), false), false, 3,
            List.of(), 0),
        new Candidate("away", "Away Person", profile("away", TOKYO, Map.of("storage", 3), true), true, 0, List.of(), 0),
        new Candidate("riley", "Riley Jones", profile("riley", TOKYO, Map.of("storage", 2), false), false, 0,
            List.of(new PastWork("SW-1012", Verdict.ROOT_CAUSE, List.of("pos", "sql")),
                new PastWork("SW-1013", Verdict.RULED_OUT, List.of("mail"))), 4));

    List<Expert> ranked = Ranking.rank("storage", List.of("pos"), candidates, tokyoMorning);

    assertThat(ranked).extracting(Expert::userId).containsExactly("riley", "kaito", "aiko", "sam", "away");
    assertThat(ranked.get(0).reasons()).as("a root cause found on the same service").contains(
        "found the root cause of SW-1012 (pos)", "4 contributions marked helpful").noneMatch(r -> r.contains("SW-1013"));
    Expert kaito = ranked.get(1);
    assertThat(kaito.onShift()).isTrue();
    assertThat(kaito.reasons()).containsExactly("on shift (Asia/Tokyo)", "storage skill 2", "in the storage group",
        "knows pos");
    assertThat(ranked.get(2).reasons()).contains("3 open tasks");
    Expert sam = ranked.get(3); // the best storage engineer, but asleep in Dublin
    assertThat(sam.onShift()).isFalse();
    assertThat(sam.reasons()).contains("off shift (Europe/Dublin, next shift Mon 09:00)", "storage skill 3");
    assertThat(ranked.get(4).reasons()).contains("away");
    assertThat(ranked.get(4).onShift()).isFalse();
  }
}
