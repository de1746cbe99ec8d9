package dev.sevaswarm.people;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the swarm knows of a person for matching work to them.
 *
 * @param skills per isolation area, 0 (none) to 3 (the one to ask)
 * @param services the customer services they know well
 * @param timeZone where they work, which their working hours are in
 * @param away on leave, ill, or otherwise not to be asked now, whatever their hours say
 */
public record Profile(String userId, Map<String, Integer> skills, List<String> services, ZoneId timeZone,
    WorkingHours workingHours, boolean away) {

  public Profile {
    skills = Map.copyOf(skills);
    services = List.copyOf(services);
  }

  public int skill(String area) {
    return skills.getOrDefault(area, 0);
  }
}
