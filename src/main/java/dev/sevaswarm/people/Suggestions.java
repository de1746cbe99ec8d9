package dev.sevaswarm.people;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.people.Ranking.Expert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The top suggestions per area, where the people picking areas look: the take-ownership form and
 * the room. Only people with a profile are suggested (a group without profiles suggests nobody).
 */
@Service
public class Suggestions {

  static final int PER_AREA = 3;

  private final Experts experts;
  private final Profiles profiles;
  private final CaseRepository cases;

  public Suggestions(Experts experts, Profiles profiles, CaseRepository cases) {
    this.experts = experts;
    this.profiles = profiles;
    this.cases = cases;
  }

  /** Per area, the best few with a profile, on shift first. */
  public Map<String, List<Expert>> byArea(String caseId) {
    Map<String, List<Expert>> byArea = new LinkedHashMap<>();
    List<Profile> all = profiles.all();
    if (all.isEmpty()) {
      return byArea;
    }
    Set<String> profiled = all.stream().map(Profile::userId).collect(Collectors.toSet());
    cases.find(caseId).ifPresent(supportCase -> experts.forAreas(supportCase, Playbook.Group.AREAS, all)
        .forEach((area, ranked) -> {
          List<Expert> top = ranked.stream().filter(e -> profiled.contains(e.userId())).limit(PER_AREA).toList();
          if (!top.isEmpty()) {
            byArea.put(area, top);
          }
        }));
    return byArea;
  }

  /** The same as lines of text: "storage: Kaito Sato (on shift, storage skill 2), ...". */
  public String forCase(String caseId) {
    List<String> lines = new ArrayList<>();
    byArea(caseId).forEach((area, top) -> lines.add(area + ": " + String.join(", ", top.stream()
        .map(e -> e.name() + " (" + (e.onShift() ? "on shift" : "off shift") + ", "
            + e.reasons().stream().filter(r -> r.contains("skill")).findFirst().orElse("in the group") + ")")
        .toList())));
    return String.join("\n", lines);
  }
}
