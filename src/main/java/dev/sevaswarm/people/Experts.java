package dev.sevaswarm.people;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Verdict;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.DisplayNames;
import dev.sevaswarm.people.Ranking.Candidate;
import dev.sevaswarm.people.Ranking.Expert;
import dev.sevaswarm.people.Ranking.PastWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
  private final TaskService tasks;
  private final JdbcTemplate jdbc;

  public Experts(Profiles profiles, IdentityService identity, TaskService tasks, DataSource dataSource) {
    this.profiles = profiles;
    this.identity = identity;
    this.tasks = tasks;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public List<Expert> forArea(SupportCase supportCase, String area) {
    return Caller.asSystem(identity, () -> {
      Map<String, Profile> byUser = profiles.all().stream()
          .collect(Collectors.toMap(Profile::userId, p -> p, (a, b) -> a, LinkedHashMap::new));
      Set<String> group = identity.createUserQuery().memberOfGroup(area).list().stream().map(User::getId)
          .collect(Collectors.toSet());
      Set<String> people = new java.util.TreeSet<>(group);
      byUser.values().stream().filter(p -> p.skill(area) > 0).map(Profile::userId).forEach(people::add);
      Map<String, List<PastWork>> past = pastWork(people, supportCase.caseId());
      Map<String, Integer> helpful = helpful(people);
      // one query for all of them; a profile left behind by a user who is gone finds no user
      Map<String, User> users = people.isEmpty() ? Map.of() : identity.createUserQuery()
          .userIdIn(people.toArray(String[]::new)).list().stream().collect(Collectors.toMap(User::getId, u -> u));
      List<Candidate> candidates = new ArrayList<>();
      for (String userId : people) {
        if (!users.containsKey(userId)) {
          continue;
        }
        candidates.add(new Candidate(userId, DisplayNames.of(users.get(userId)), byUser.get(userId),
            group.contains(userId), tasks.createTaskQuery().taskAssignee(userId).active().count(),
            past.getOrDefault(userId, List.of()), helpful.getOrDefault(userId, 0)));
      }
      return Ranking.rank(area, supportCase.services(), candidates, CaseClock.now().toZonedDateTime());
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
