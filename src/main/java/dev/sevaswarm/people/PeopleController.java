package dev.sevaswarm.people;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.DisplayNames;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.people.Ranking.Expert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People's profiles (skills per area, services, time zone, working hours, away) and the experts
 * suggested for an area of a case. Duty managers keep the profiles; the swarm reads them.
 */
@RestController
@ApiResponse(responseCode = "401", description = "no or wrong credentials")
public class PeopleController {

  /** A profile as the API shows it, with whether the person is on shift now. */
  public record PersonView(String userId, String name, Map<String, Integer> skills, List<String> services,
      String timeZone, Hours workingHours, boolean away, boolean onShift) {}

  /** Working hours as the API writes them: "09:00", "18:00", ["MON", ...]. */
  public record Hours(String start, String end, List<String> days) {}

  static final int MAX_SERVICES = 50;
  static final int MAX_SERVICE_LENGTH = 100;
  private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final List<String> MANAGERS = List.of(Playbook.Group.DUTY_MANAGERS, Playbook.Group.CAMUNDA_ADMIN);

  private final Profiles profiles;
  private final Experts experts;
  private final CaseRepository cases;
  private final IdentityService identity;
  private final Contributions contributions;

  public PeopleController(Profiles profiles, Experts experts, CaseRepository cases, IdentityService identity,
      Contributions contributions) {
    this.contributions = contributions;
    this.profiles = profiles;
    this.experts = experts;
    this.cases = cases;
    this.identity = identity;
  }

  @Operation(summary = "Everyone with a profile: skills, services, hours, and whether they are on shift now")
  @ApiResponse(responseCode = "200", description = "the profiles")
  @ApiResponse(responseCode = "403", description = "for the swarm's groups and duty managers")
  @GetMapping(path = "/api/people", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PersonView> people() {
    Caller.require(identity, Roles.CASE_WORKERS, "read people's profiles");
    ZonedDateTime now = CaseClock.now().toZonedDateTime();
    return profiles.all().stream().map(p -> view(p, now)).toList();
  }

  @Operation(summary = "One person's profile")
  @ApiResponse(responseCode = "200", description = "the profile")
  @ApiResponse(responseCode = "403", description = "for the swarm's groups and duty managers")
  @ApiResponse(responseCode = "404", description = "no such user, or no profile yet")
  @GetMapping(path = "/api/people/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public PersonView person(@PathVariable String userId) {
    Caller.require(identity, Roles.CASE_WORKERS, "read people's profiles");
    return profiles.of(userId).map(p -> view(p, CaseClock.now().toZonedDateTime()))
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No profile for " + userId));
  }

  @Operation(summary = "What a person gave the swarm: findings, root causes, comments, helpful marks, cases owned")
  @ApiResponse(responseCode = "200", description = "the counts, in all and per month")
  @ApiResponse(responseCode = "403", description = "for the swarm's groups, duty managers and auditors")
  @ApiResponse(responseCode = "404", description = "no such user")
  @GetMapping(path = "/api/people/{userId}/contributions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Contributions.Credit contributions(@PathVariable String userId) {
    Caller.require(identity, Roles.SWARM_AND_AUDITORS, "read people's contributions");
    if (!Caller.asSystem(identity, () -> identity.createUserQuery().userId(userId).count() == 1)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "No user " + userId);
    }
    return contributions.of(userId);
  }

  @Operation(summary = "Create or replace a person's profile (duty managers)")
  @ApiResponse(responseCode = "200", description = "saved")
  @ApiResponse(responseCode = "400", description = "a field out of shape, each named")
  @ApiResponse(responseCode = "403", description = "only duty managers and administrators keep profiles")
  @ApiResponse(responseCode = "404", description = "no such user")
  @PutMapping(path = "/api/people/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public PersonView save(@PathVariable String userId, @RequestBody JsonNode body) {
    Caller caller = Caller.require(identity, MANAGERS, "change people's profiles");
    boolean known = Caller.asSystem(identity, () -> identity.createUserQuery().userId(userId).count() == 1);
    if (!known) {
      throw new ApiException(HttpStatus.NOT_FOUND, "No user " + userId);
    }
    Profile profile = read(userId, body);
    profiles.save(profile, caller.userId());
    return view(profile, CaseClock.now().toZonedDateTime());
  }

  @Operation(summary = "Forget a person's profile (they left the team): nobody suggests or invites them any more")
  @ApiResponse(responseCode = "204", description = "forgotten")
  @ApiResponse(responseCode = "403", description = "only duty managers and administrators keep profiles")
  @ApiResponse(responseCode = "404", description = "no profile for that user")
  @DeleteMapping(path = "/api/people/{userId}")
  public ResponseEntity<Void> forget(@PathVariable String userId) {
    Caller.require(identity, MANAGERS, "change people's profiles");
    if (!profiles.delete(userId)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "No profile for " + userId);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Who to ask about an area of a case, best first, with the reasons")
  @ApiResponse(responseCode = "200", description = "ranked suggestions")
  @ApiResponse(responseCode = "400", description = "no area, or not an isolation area")
  @ApiResponse(responseCode = "403", description = "for the swarm's groups and duty managers")
  @ApiResponse(responseCode = "404", description = "no such case")
  @GetMapping(path = "/api/cases/{caseId}/experts", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Expert> experts(@PathVariable String caseId, @RequestParam(required = false) String area) {
    Caller.require(identity, Roles.CASE_WORKERS, "see who to ask");
    SupportCase supportCase = cases.find(caseId).orElseThrow(() -> ApiException.notFound(caseId));
    String wanted = area == null ? "" : area.trim().toLowerCase(Locale.ROOT);
    if (!Playbook.Group.AREAS.contains(wanted)) {
      throw ApiException.invalid(List.of(new FieldProblem("area", "must be one of " + Playbook.Group.AREAS)));
    }
    return experts.forArea(supportCase, wanted);
  }

  private PersonView view(Profile p, ZonedDateTime now) {
    String name = Caller.asSystem(identity, () -> DisplayNames.of(identity, p.userId()));
    WorkingHours hours = p.workingHours();
    return new PersonView(p.userId(), name, new java.util.TreeMap<>(p.skills()), p.services(), p.timeZone().getId(),
        new Hours(hours.start().toString(), hours.end().toString(),
            hours.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList()),
        p.away(), Ranking.onShift(p, now));
  }

  /** The profile the body describes; every field out of shape is named in one 400. */
  static Profile read(String userId, JsonNode body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(List.of(new FieldProblem("body", "must be a JSON object")));
    }
    Map<String, Integer> skills = skills(body.get("skills"), problems);
    List<String> services = services(body.get("services"), problems);
    ZoneId zone = zone(body.get("timeZone"), problems);
    WorkingHours hours = hours(body.get("workingHours"), problems);
    JsonNode away = body.get("away");
    if (away != null && !away.isNull() && !away.isBoolean()) {
      problems.add(new FieldProblem("away", "must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new Profile(userId, skills, services, zone, hours, away != null && away.asBoolean());
  }

  private static Map<String, Integer> skills(JsonNode node, List<FieldProblem> problems) {
    Map<String, Integer> skills = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return skills;
    }
    if (!node.isObject()) {
      problems.add(new FieldProblem("skills", "must be an object of area → 0..3"));
      return skills;
    }
    node.fields().forEachRemaining(skill -> {
      String area = skill.getKey();
      if (!Playbook.Group.AREAS.contains(area)) {
        problems.add(new FieldProblem("skills." + area, "is not an isolation area: one of " + Playbook.Group.AREAS));
      } else if (!skill.getValue().isInt() || skill.getValue().asInt() < 0 || skill.getValue().asInt() > 3) {
        problems.add(new FieldProblem("skills." + area, "must be a whole number from 0 (none) to 3 (the one to ask)"));
      } else {
        skills.put(area, skill.getValue().asInt());
      }
    });
    return skills;
  }

  private static List<String> services(JsonNode node, List<FieldProblem> problems) {
    List<String> services = new ArrayList<>();
    if (node == null || node.isNull()) {
      return services;
    }
    if (!node.isArray() || node.size() > MAX_SERVICES) {
      problems.add(new FieldProblem("services", "must be an array of at most " + MAX_SERVICES + " service names"));
      return services;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode service = node.get(i);
      String name = service.isTextual() ? service.textValue().strip() : "";
      if (name.isEmpty() || name.length() > MAX_SERVICE_LENGTH || name.contains("\n")) {
        problems.add(new FieldProblem("services[" + i + "]",
            "must be a service name of 1 to " + MAX_SERVICE_LENGTH + " characters on one line"));
      } else if (!services.contains(name)) {
        services.add(name);
      }
    }
    return services;
  }

  private static ZoneId zone(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      return ZoneId.of("UTC");
    }
    try {
      if (!node.isTextual() || !node.textValue().contains("/") && !node.textValue().equals("UTC")) {
        throw new DateTimeException("not a region");
      }
      return ZoneId.of(node.textValue());
    } catch (DateTimeException e) {
      problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Asia/Tokyo or Europe/Dublin"));
      return ZoneId.of("UTC");
    }
  }

  private static WorkingHours hours(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      return WorkingHours.OFFICE;
    }
    if (!node.isObject()) {
      problems.add(new FieldProblem("workingHours", "must be an object {start, end, days}"));
      return WorkingHours.OFFICE;
    }
    LocalTime start = time(node.get("start"), "workingHours.start", WorkingHours.OFFICE.start(), problems);
    LocalTime end = time(node.get("end"), "workingHours.end", WorkingHours.OFFICE.end(), problems);
    if (start.equals(end)) {
      problems.add(new FieldProblem("workingHours.end", "must differ from the start (a shift over midnight ends earlier)"));
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    JsonNode listed = node.get("days");
    if (listed == null || listed.isNull()) {
      days.addAll(WorkingHours.OFFICE.days());
    } else if (!listed.isArray() || listed.isEmpty()) {
      problems.add(new FieldProblem("workingHours.days", "must list working days: MON, TUE, WED, THU, FRI, SAT, SUN"));
    } else {
      for (int i = 0; i < listed.size(); i++) {
        String day = listed.get(i).isTextual() ? listed.get(i).textValue().toUpperCase(Locale.ROOT) : "";
        Profiles.day(day).ifPresentOrElse(days::add, () -> problems.add(new FieldProblem("workingHours.days",
            "names days as MON, TUE, WED, THU, FRI, SAT, SUN")));
      }
    }
    return new WorkingHours(start, end, days);
  }

  private static LocalTime time(JsonNode node, String field, LocalTime otherwise, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      return otherwise;
    }
    try {
      if (!node.isTextual() || !HH_MM.matcher(node.textValue()).matches()) {
        throw new DateTimeParseException("not HH:mm", String.valueOf(node), 0);
      }
      return LocalTime.parse(node.textValue());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a time of day as HH:mm, such as 09:00"));
      return otherwise;
    }
  }
}
