package dev.sevaswarm.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.identity.DemoUsers;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a newcomer's demo run shows of matching work to people. */
class DemoProfilesTest {

  @Test
  void everyAreaHasTwoOrMoreEngineers_inTokyoDublinAndSeattleHours_allOfThemDemoUsers() {
    for (String area : Playbook.Group.AREAS) {
      List<Profile> skilled = DemoProfiles.ALL.stream().filter(p -> p.skill(area) > 0).toList();
      assertThat(skilled).as(area).hasSizeGreaterThanOrEqualTo(2);
      assertThat(skilled.stream().map(Profile::timeZone).distinct().count()).as(area + " across zones")
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(DemoProfiles.ALL.stream().map(Profile::timeZone).collect(Collectors.toSet())).containsExactlyInAnyOrder(
        ZoneId.of("Asia/Tokyo"), ZoneId.of("Europe/Dublin"), ZoneId.of("America/Los_Angeles"));
    List<String> demoUsers = DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).toList();
    assertThat(DemoProfiles.ALL).allMatch(p -> demoUsers.contains(p.userId()));
  }
}
