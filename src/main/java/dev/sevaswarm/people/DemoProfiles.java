package dev.sevaswarm.people;

import static dev.sevaswarm.cases.Playbook.Group.APPLICATION;
import static dev.sevaswarm.cases.Playbook.Group.GUEST_OS;
import static dev.sevaswarm.cases.Playbook.Group.NETWORK;
import static dev.sevaswarm.cases.Playbook.Group.PLATFORM;
import static dev.sevaswarm.cases.Playbook.Group.STORAGE;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo engineers' profiles, so that a newcomer sees the matching work: at least two people
 * per area, in Tokyo, Dublin and Seattle hours. Seeded once; a duty manager's later edits stay.
 * ({@code swarm.people.demo-profiles=false} leaves them out: the test suites, which must not depend
 * on who happens to be on shift at the hour they run, make the profiles each test needs.)
 */
@Component
@org.springframework.context.annotation.Profile("demo")
@ConditionalOnProperty(name = "swarm.people.demo-profiles", havingValue = "true", matchIfMissing = true)
public class DemoProfiles {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
  private static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

  static final List<Profile> ALL = List.of(
      profile("eng-platform", Map.of(PLATFORM, 3, GUEST_OS, 1), List.of("pos", "payments"), SEATTLE),
      profile("eng-storage", Map.of(STORAGE, 3, PLATFORM, 1), List.of("sql", "backup"), DUBLIN),
      profile("eng-network", Map.of(NETWORK, 3, APPLICATION, 1), List.of("pos", "vpn"), TOKYO),
      profile("eng-os", Map.of(GUEST_OS, 3, PLATFORM, 2), List.of("sql"), DUBLIN),
      profile("eng-app", Map.of(APPLICATION, 3, STORAGE, 1), List.of("pos", "payments"), TOKYO),
      profile("eng-kaito", Map.of(PLATFORM, 2, STORAGE, 2), List.of("backup", "payments"), TOKYO),
      profile("eng-siobhan", Map.of(NETWORK, 2, APPLICATION, 2), List.of("vpn", "payments"), DUBLIN),
      profile("eng-riley", Map.of(STORAGE, 2, NETWORK, 2, GUEST_OS, 2, APPLICATION, 1), List.of("sql", "pos"), SEATTLE));

  private final Profiles profiles;

  public DemoProfiles(Profiles profiles) {
    this.profiles = profiles;
  }

  private static Profile profile(String userId, Map<String, Integer> skills, List<String> services, ZoneId zone) {
    return new Profile(userId, skills, services, zone, WorkingHours.OFFICE, false);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(3)
  public void seed() {
    for (Profile profile : ALL) {
      if (profiles.of(profile.userId()).isEmpty()) {
        profiles.save(profile, "demo");
      }
    }
  }
}
