package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.people.Profile;
import dev.sevaswarm.people.Profiles;
import dev.sevaswarm.people.Ranking;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** People's profiles and the experts suggested for a case, over the API, as each role may use them. */
class PeopleApiTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired Profiles profiles;

  private ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /**
   * A profile kept away from work: it is ranked, but nobody is invited from this test (the suite must
   * not depend on who is on shift at the hour it runs).
   */
  private void awayProfile(String userId, String zone, String skills, String services) {
    assertThat(call(HttpMethod.PUT, "duty-manager", "/api/people/" + userId, """
        {"skills": %s, "services": %s, "timeZone": "%s", "away": true}""".formatted(skills, services, zone))
        .getStatusCode().value()).isEqualTo(200);
  }

  @org.junit.jupiter.api.BeforeEach
  void storageProfiles() {
    awayProfile("eng-storage", "Europe/Dublin", "{\"storage\": 3, \"platform\": 1}", "[\"sql\", \"backup\"]");
    awayProfile("eng-kaito", "Asia/Tokyo", "{\"platform\": 2, \"storage\": 2}", "[\"backup\", \"payments\"]");
    awayProfile("eng-riley", "America/Los_Angeles", "{\"storage\": 2, \"network\": 2}", "[\"sql\", \"pos\"]");
    awayProfile("eng-app", "Asia/Tokyo", "{\"application\": 3, \"storage\": 1}", "[\"pos\", \"payments\"]");
  }

  private static final String OSKAR = """
      {"skills": {"guest-os": 3, "platform": 1}, "services": ["sql", "pos"], "timeZone": "Europe/Dublin",
       "workingHours": {"start": "08:00", "end": "17:00", "days": ["MON", "TUE", "WED", "THU"]}, "away": true}""";

  @Test
  void dutyManagersKeepProfiles_theSwarmReadsThem_andOthersMayNot() {
    assertThat(call(HttpMethod.PUT, "eng-storage", "/api/people/eng-os", OSKAR).getStatusCode().value()).isEqualTo(403);
    assertThat(call(HttpMethod.PUT, "account-manager", "/api/people/eng-os", OSKAR).getStatusCode().value())
        .isEqualTo(403);

    ResponseEntity<JsonNode> saved = call(HttpMethod.PUT, "duty-manager", "/api/people/eng-os", OSKAR);
    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    assertThat(saved.getBody().get("name").asText()).isEqualTo("Oskar Guest OS");
    assertThat(saved.getBody().at("/skills/guest-os").asInt()).isEqualTo(3);
    assertThat(saved.getBody().at("/workingHours/days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\"]");
    assertThat(saved.getBody().get("away").asBoolean()).isTrue();
    assertThat(saved.getBody().get("onShift").asBoolean()).as("away is never on shift").isFalse();

    JsonNode read = call(HttpMethod.GET, "eng-storage", "/api/people/eng-os", null).getBody();
    assertThat(read.get("timeZone").asText()).isEqualTo("Europe/Dublin");
    assertThat(read.at("/workingHours/start").asText()).isEqualTo("08:00");
    assertThat(read.get("services").toString()).isEqualTo("[\"sql\",\"pos\"]");
    assertThat(call(HttpMethod.GET, "account-manager", "/api/people/eng-os", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call(HttpMethod.GET, "auditor", "/api/people", null).getStatusCode().value()).isEqualTo(403);

    List<String> everyone = new ArrayList<>();
    call(HttpMethod.GET, "eng-network", "/api/people", null).getBody().forEach(p -> everyone.add(p.get("userId").asText()));
    assertThat(everyone).contains("eng-os", "eng-storage", "eng-kaito", "eng-riley", "eng-app");
    assertThat(call(HttpMethod.PUT, "duty-manager", "/api/people/nobody-here", OSKAR).getStatusCode().value())
        .isEqualTo(404);
    assertThat(call(HttpMethod.GET, "eng-storage", "/api/people/intake", null).getStatusCode().value())
        .as("a user without a profile").isEqualTo(404);
  }

  @Test
  void aProfileOutOfShapeIsRefusedNamingEachField_andNothingChanges() {
    Profile before = profiles.of("eng-app").orElseThrow();
    ResponseEntity<JsonNode> refused = call(HttpMethod.PUT, "duty-manager", "/api/people/eng-app", """
        {"skills": {"storage": 5, "dns": 2, "network": "high"}, "services": ["", "pos"], "timeZone": "Mars/Olympus",
         "workingHours": {"start": "9am", "end": "25:00", "days": ["FUNDAY"]}, "away": "yes"}""");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    refused.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("skills.storage", "skills.dns", "skills.network", "services[0]",
        "timeZone", "workingHours.start", "workingHours.end", "workingHours.days", "away");
    assertThat(profiles.of("eng-app")).contains(before);

    assertThat(call(HttpMethod.PUT, "duty-manager", "/api/people/eng-app",
        "{\"workingHours\": {\"start\": \"09:00\", \"end\": \"09:00\"}}").getBody().get("errors").get(0).get("field")
        .asText()).isEqualTo("workingHours.end");
    assertThat(call(HttpMethod.PUT, "duty-manager", "/api/people/eng-app", "[1, 2]").getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void expertsForAnArea_putWhoeverIsOnShiftFirst_andSayWhy() {
    // eng-storage found the root cause of an earlier POS case
    String earlier = openSevACase("People: the earlier POS case").getBusinessKey();
    takeOwnership(earlier, "eng-storage", Variables.createVariables(), "storage");
    org.camunda.bpm.engine.task.Task storage = awaitTask(earlier, Task.INVESTIGATE_AREA);
    as("eng-storage", () -> {
      tasks.claim(storage.getId(), "eng-storage");
      completeAsAPersonWould(storage.getId(), Variables.createVariables()
          .putValue(Var.FINDING, "The array's controller failed over at 05:00").putValue(Var.VERDICT, "ROOT_CAUSE"));
      return null;
    });
    String caseId = openSevACase("People: who knows storage?").getBusinessKey();
    org.awaitility.Awaitility.await().until(() -> call(HttpMethod.GET, "eng-network",
        "/api/cases/" + caseId + "/experts?area=storage", null).getBody().toString().contains("found the root cause of " + earlier));

    JsonNode experts = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts?area=storage", null).getBody();
    ZonedDateTime now = CaseClock.now().toZonedDateTime();
    List<String> ranked = new ArrayList<>();
    boolean offShiftSeen = false;
    for (JsonNode expert : experts) {
      String userId = expert.get("userId").asText();
      ranked.add(userId);
      Profile profile = profiles.of(userId).orElseThrow();
      assertThat(expert.get("onShift").asBoolean()).as(userId + " on shift now").isEqualTo(Ranking.onShift(profile, now));
      assertThat(expert.get("reasons").toString()).contains("storage skill " + profile.skill("storage"));
      assertThat(expert.get("name").asText()).isNotBlank();
      assertThat(expert.has("score") && expert.has("openTasks")).isTrue();
      offShiftSeen |= !expert.get("onShift").asBoolean();
      assertThat(offShiftSeen && expert.get("onShift").asBoolean()).as("nobody on shift after someone who is not").isFalse();
    }
    assertThat(ranked).containsExactlyInAnyOrder("eng-storage", "eng-kaito", "eng-riley", "eng-app");
    JsonNode sam = experts.findParents("userId").stream().filter(e -> e.get("userId").asText().equals("eng-storage"))
        .findFirst().orElseThrow();
    assertThat(sam.get("reasons").toString()).contains("found the root cause of " + earlier + " (pos, payments)",
        "in the storage group").doesNotContain("knows"); // Sam's own services are sql and backup
    JsonNode aiko = experts.findParents("userId").stream().filter(e -> e.get("userId").asText().equals("eng-app"))
        .findFirst().orElseThrow();
    assertThat(aiko.get("reasons").toString()).contains("knows pos, payments").doesNotContain("in the storage group");
  }

  @Test
  void eachExpertsOpenTasks_areTheActiveTasksTheyAreAssigned() {
    // Kaito holds one case's first step, and Riley one of a case that is suspended (not open work)
    org.camunda.bpm.engine.task.Task held = awaitTask(openSevACase("People: Kaito holds this one").getBusinessKey(),
        Task.TAKE_OWNERSHIP);
    tasks.claim(held.getId(), "eng-kaito");
    ProcessInstance paused = openSevACase("People: Riley's case, suspended");
    org.camunda.bpm.engine.task.Task parked = awaitTask(paused.getBusinessKey(), Task.TAKE_OWNERSHIP);
    tasks.claim(parked.getId(), "eng-riley");
    runtime.suspendProcessInstanceById(parked.getProcessInstanceId());
    String caseId = openSevACase("People: who is free for storage?").getBusinessKey();

    JsonNode experts = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts?area=storage", null).getBody();
    assertThat(experts.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode expert : experts) {
      String userId = expert.get("userId").asText();
      assertThat(expert.get("openTasks").asLong()).as(userId + "'s open tasks")
          .isEqualTo(tasks.createTaskQuery().taskAssignee(userId).active().count());
    }
    assertThat(experts.findParents("userId").stream().filter(e -> e.get("userId").asText().equals("eng-kaito"))
        .findFirst().orElseThrow().get("openTasks").asLong()).isPositive();
    assertThat(tasks.createTaskQuery().taskAssignee("eng-riley").suspended().count()).isPositive();
  }

  @Test
  void theTakeOwnershipForm_suggestsPerAreaTheTopOfWhatTheExpertsListSays() {
    String caseId = openSevACase("People: who to ask, on the form").getBusinessKey();
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    String onTheForm = (String) tasks.getVariableLocal(take.getId(), Var.EXPERT_SUGGESTIONS);

    List<String> expected = new ArrayList<>();
    for (String area : dev.sevaswarm.cases.Playbook.Group.AREAS) {
      List<String> names = new ArrayList<>();
      for (JsonNode expert : call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts?area=" + area, null)
          .getBody()) {
        if (names.size() < 3 && profiles.of(expert.get("userId").asText()).isPresent()) {
          names.add(expert.get("name").asText());
        }
      }
      if (!names.isEmpty()) {
        expected.add(area + ": " + names);
      }
    }
    List<String> suggested = new ArrayList<>();
    for (String line : onTheForm.split("\n")) {
      int colon = line.indexOf(": ");
      suggested.add(line.substring(0, colon + 2) + java.util.Arrays.stream(line.substring(colon + 2).split("\\), "))
          .map(person -> person.substring(0, person.indexOf(" ("))).toList());
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(4); // the four away profiles reach every area but guest-os
    assertThat(suggested).isEqualTo(expected);
  }

  @Test
  void expertsNeedAKnownAreaAndCase_andAreForTheSwarm() {
    String caseId = openSevACase("People: bad asks").getBusinessKey();
    ResponseEntity<JsonNode> noArea = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts", null);
    assertThat(noArea.getStatusCode().value()).isEqualTo(400);
    assertThat(noArea.getBody().at("/errors/0/field").asText()).isEqualTo("area");
    assertThat(call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts?area=dns", null)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(call(HttpMethod.GET, "eng-network", "/api/cases/SW-99999/experts?area=storage", null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, "account-manager", "/api/cases/" + caseId + "/experts?area=storage", null)
        .getStatusCode().value()).isEqualTo(403);
  }

  private JsonNode credit(String userId) {
    return call(HttpMethod.GET, "auditor", "/api/people/" + userId + "/contributions", null).getBody();
  }

  private long entryOf(String caseId, String kind, String actor) {
    JsonNode timeline = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId, null).getBody().get("timeline");
    for (JsonNode entry : timeline) {
      if (entry.get("kind").asText().equals(kind) && entry.get("actor").asText().equals(actor)) {
        return entry.get("id").asLong();
      }
    }
    throw new AssertionError("no " + kind + " by " + actor + " in " + timeline);
  }

  @Test
  void theOwnerMarksHelpfulContributions_andEachPersonsCreditCountsWhatTheyGave() {
    JsonNode sam = credit("eng-storage");
    JsonNode nia = credit("eng-network");
    String caseId = openSevACase("People: credit where it is due").getBusinessKey();
    takeOwnership(caseId, "eng-network", Variables.createVariables(), "storage");
    assertThat(call(HttpMethod.POST, "eng-storage", "/api/cases/" + caseId + "/comments",
        "{\"text\": \"The array's controller logged a failover at 05:00\"}").getStatusCode().value()).isEqualTo(201);
    org.camunda.bpm.engine.task.Task storage = awaitTask(caseId, Task.INVESTIGATE_AREA);
    as("eng-storage", () -> {
      tasks.claim(storage.getId(), "eng-storage");
      completeAsAPersonWould(storage.getId(), Variables.createVariables()
          .putValue(Var.FINDING, "Controller B lost its cache battery").putValue(Var.VERDICT, "ROOT_CAUSE"));
      return null;
    });
    org.awaitility.Awaitility.await().until(() -> credit("eng-storage").get("rootCauses").asInt()
        == sam.get("rootCauses").asInt() + 1);

    long comment = entryOf(caseId, "COMMENT", "eng-storage");
    String mark = "/api/cases/" + caseId + "/timeline/" + comment + "/helpful";
    assertThat(call(HttpMethod.POST, "eng-storage", mark, "{}").getStatusCode().value()).as("not the owner").isEqualTo(403);
    assertThat(call(HttpMethod.POST, "eng-network", mark, "{}").getStatusCode().value()).isEqualTo(201);
    assertThat(call(HttpMethod.POST, "eng-network", mark, "{}").getStatusCode().value()).as("counted once").isEqualTo(200);
    long ownership = entryOf(caseId, "OWNERSHIP", "eng-network");
    ResponseEntity<JsonNode> notAContribution = call(HttpMethod.POST, "duty-manager",
        "/api/cases/" + caseId + "/timeline/" + ownership + "/helpful", "{}");
    assertThat(notAContribution.getStatusCode().value()).isEqualTo(400);
    assertThat(notAContribution.getBody().at("/errors/0/field").asText()).isEqualTo("entryId");
    assertThat(call(HttpMethod.POST, "eng-network", "/api/cases/" + caseId + "/timeline/99999999/helpful", "{}")
        .getStatusCode().value()).isEqualTo(404);
    JsonNode marked = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId, null).getBody().get("timeline");
    assertThat(marked.findParents("id").stream().filter(e -> e.get("id").asLong() == comment).findFirst().orElseThrow()
        .get("helpful").asBoolean()).isTrue();

    JsonNode after = credit("eng-storage");
    assertThat(after.get("findings").asInt()).isEqualTo(sam.get("findings").asInt() + 1);
    assertThat(after.get("comments").asInt()).isEqualTo(sam.get("comments").asInt() + 1);
    assertThat(after.get("helpful").asInt()).isEqualTo(sam.get("helpful").asInt() + 1);
    String thisMonth = java.time.YearMonth.from(CaseClock.now()).toString();
    assertThat(after.at("/months/0/month").asText()).isEqualTo(thisMonth);
    assertThat(after.at("/months/0/helpful").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(credit("eng-network").get("casesOwned").asInt()).isEqualTo(nia.get("casesOwned").asInt() + 1);
    // and credit feeds the ranking
    JsonNode experts = call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/experts?area=storage", null).getBody();
    assertThat(experts.findParents("userId").stream().filter(e -> e.get("userId").asText().equals("eng-storage"))
        .findFirst().orElseThrow().get("reasons").toString()).containsPattern("\\d+ contributions? marked helpful");

    assertThat(call(HttpMethod.GET, "account-manager", "/api/people/eng-storage/contributions", null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call(HttpMethod.GET, "auditor", "/api/people/nobody-here/contributions", null)
        .getStatusCode().value()).isEqualTo(404);
  }
}
