package dev.sevaswarm.people;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Verdict;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.DisplayNames;
import dev.sevaswarm.people.Ranking.Candidate;
import dev.sevaswarm.people.Ranking.Expert;
import dev.sevaswarm.people.Ranking.PastWork;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The people to ask about an area of a case: everyone with a profile, and every member of the
 * area's group, ranked ({@link Ranking}) on the engine's clock.
 */
@Service
public class Experts {

  private final Profiles profiles;
  private final IdentityService identity;
  private final ManagementService management;
  private final JdbcTemplate jdbc;

  public Experts(Profiles profiles, IdentityService identity, ManagementService management, DataSource dataSource) {
    this.profiles = profiles;
    this.identity = identity;
    this.management = management;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public List<Expert> forArea(SupportCase supportCase, String area) {
    return forAreas(supportCase, List.of(area)).get(area);
  }

  /**
   * The same for several areas, ranked per area, with what they share read once: the profiles, each
   * person's past work, marks and open tasks. The take-ownership form's suggestions are made in the
   * case's next step, whose commit the team's broadcast waits for.
   */
  public Map<String, List<Expert>> forAreas(SupportCase supportCase, List<String> areas) {
    return forAreas(supportCase, areas, profiles.all());
  }

  /** The same, with the profiles as the caller has just read them. */
  Map<String, List<Expert>> forAreas(SupportCase supportCase, List<String> areas, List<Profile> all) {
    return Caller.asSystem(identity, () -> {
      Map<String, Profile> byUser = all.stream()
          .collect(Collectors.toMap(Profile::userId, p -> p, (a, b) -> a, LinkedHashMap::new));
      Map<String, Set<String>> groups = new LinkedHashMap<>();
      Set<String> people = new TreeSet<>();
      for (String area : areas) {
        Set<String> group = identity.createUserQuery().memberOfGroup(area).list().stream().map(User::getId)
            .collect(Collectors.toSet());
        groups.put(area, group);
        people.addAll(group);
        byUser.values().stream().filter(p -> p.skill(area) > 0).map(Profile::userId).forEach(people::add);
      }
      Map<String, List<PastWork>> past = pastWork(people, supportCase.caseId());
      Map<String, Integer> helpful = helpful(people);
      // one query for all of them; a profile left behind by a user who is gone finds no user
      Map<String, User> users = people.isEmpty() ? Map.of() : identity.createUserQuery()
          .userIdIn(people.toArray(String[]::new)).list().stream().collect(Collectors.toMap(User::getId, u -> u));
      Map<String, Long> openTasks = openTasks(users.keySet());
      ZonedDateTime now = CaseClock.now().toZonedDateTime();
      Map<String, List<Expert>> ranked = new LinkedHashMap<>();
      for (String area : areas) {
        Set<String> group = groups.get(area);
        List<Candidate> candidates = new ArrayList<>();
        for (String userId : people) {
          Profile profile = byUser.get(userId);
          boolean forThisArea = group.contains(userId) || profile != null && profile.skill(area) > 0;
          if (!forThisArea || !users.containsKey(userId)) {
            continue;
          }
          candidates.add(new Candidate(userId, DisplayNames.of(users.get(userId)), profile, group.contains(userId),
              openTasks.getOrDefault(userId, 0L),
              past.getOrDefault(userId, List.of()), helpful.getOrDefault(userId, 0)));
        }
        ranked.put(area, Ranking.rank(area, supportCase.services(), candidates, now));
      }
      return ranked;
    });
  }

  /** What each of them found before on other cases, newest first, with the services of those cases. */
  private Map<String, List<PastWork>> pastWork(Set<String> people, String caseId) {
    Map<String, List<PastWork>> past = new LinkedHashMap<>();
    if (people.isEmpty()) {
      return past;
    }
    String marks = people.stream().map(p -> "?").collect(Collectors.joining(", "));
    jdbc.query("select f.investigated_by, f.case_id, f.verdict, c.services from case_finding f"
        + " join support_case c on c.case_id = f.case_id where f.case_id <> ? and f.investigated_by in (" + marks + ")"
        + " order by f.found_at desc", rs -> {
          String services = rs.getString("services");
          past.computeIfAbsent(rs.getString("investigated_by"), k -> new ArrayList<>()).add(new PastWork(
              rs.getString("case_id"), verdict(rs.getString("verdict")),
              services == null || services.isEmpty() ? List.of() : List.of(services.split("\n"))));
        }, java.util.stream.Stream.concat(java.util.stream.Stream.of(caseId), people.stream()).toArray());
    return past;
  }

  /**
   * How many active tasks each of them is assigned, in one query of the engine's task table (what
   * a task query's {@code taskAssignee(...).active().count()} counts, one person at a time).
   */
  private Map<String, Long> openTasks(Set<String> people) {
    Map<String, Long> open = new HashMap<>();
    if (!people.isEmpty()) {
      String marks = people.stream().map(p -> "?").collect(Collectors.joining(", "));
      jdbc.query("select ASSIGNEE_, count(*) from " + management.getTableName(Task.class) + " where SUSPENSION_STATE_ = "
          + SuspensionState.ACTIVE.getStateCode() + " and ASSIGNEE_ in (" + marks + ") group by ASSIGNEE_", rs -> {
            open.put(rs.getString(1), rs.getLong(2));
          }, people.toArray());
    }
    return open;
  }

  /** How many of each one's contributions owners marked helpful. */
  private Map<String, Integer> helpful(Set<String> people) {
    Map<String, Integer> helpful = new LinkedHashMap<>();
    if (!people.isEmpty()) {
      String marks = people.stream().map(p -> "?").collect(Collectors.joining(", "));
      jdbc.query("select author, count(*) as marks from helpful_mark where author in (" + marks + ") group by author",
          rs -> {
            helpful.put(rs.getString("author"), rs.getInt("marks"));
          }, people.toArray());
    }
    return helpful;
  }

  private static Verdict verdict(String stored) {
    try {
      return Verdict.valueOf(stored);
    } catch (IllegalArgumentException e) {
      return Verdict.INCONCLUSIVE;
    }
  }
}
