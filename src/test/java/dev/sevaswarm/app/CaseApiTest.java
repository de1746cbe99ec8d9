package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Playbook;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The case API's contract, status code by status code, over real HTTP. */
class CaseApiTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  ObjectNode request(String severity, String plan) {
    ObjectNode body = json.createObjectNode();
    body.put("externalId", "EXT-" + UUID.randomUUID());
    body.put("customer", "Contoso Retail");
    body.put("contactName", "Kenji Sato");
    body.put("contactEmail", "kenji.sato@contoso.example");
    body.put("severity", severity);
    body.put("plan", plan);
    body.put("title", "Stores cannot open: POS down");
    body.put("description", "Every POS terminal fails to reach the payment service");
    body.put("businessImpact", "Half a day lost costs 300 million yen");
    body.put("recoverBy", "2026-11-29T06:00:00+09:00");
    body.putArray("services").add("pos").add("payments");
    return body;
  }

  ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    String text = body == null ? null : body instanceof String s ? s : body.toString();
    return http.exchange(path, method, new HttpEntity<>(text, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, Object body) {
    return call(HttpMethod.POST, user, "/api/cases", body);
  }

  long processInstancesOf(String caseId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).count();
  }

  @Test
  void openingACase_answers201WithLocationAndTheContractFields() {
    ResponseEntity<JsonNode> created = post("intake", request("A", "RAPID_RESPONSE"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = created.getBody();
    String caseId = body.get("caseId").asText();
    assertThat(caseId).matches("SW-\\d+");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);
    assertThat(body.get("severity").asText()).isEqualTo("A");
    assertThat(body.get("status").asText()).isEqualTo("OPEN");
    assertThat(body.get("processInstanceId").asText()).isNotBlank();
    OffsetDateTime due = OffsetDateTime.parse(body.get("firstResponseDue").asText());
    assertThat(due).isBetween(CaseClock.now().plusMinutes(14), CaseClock.now().plusMinutes(15));
    assertThat(body.get("firstResponseDue").asText()).matches(".*(Z|[+-]\\d\\d:\\d\\d)$");
    assertThat(body.get("slaMet").isNull()).isTrue();
    assertThat(body.get("timeline").get(0).get("actor").asText()).isEqualTo("intake");

    ResponseEntity<JsonNode> read = call(HttpMethod.GET, "account-manager", "/api/cases/" + caseId, null);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody().get("externalId")).isEqualTo(body.get("externalId"));
    assertThat(history(caseId).getStartUserId()).as("history shows who opened it").isEqualTo("intake");
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstance history(String caseId) {
    return engineHistory.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).singleResult();
  }

  @Autowired org.camunda.bpm.engine.HistoryService engineHistory;

  @Test
  void theSameExternalIdAgain_answers200WithTheSameCaseAndStartsNothing() {
    ObjectNode body = request("B", "STANDARD");
    String caseId = post("intake", body).getBody().get("caseId").asText();
    ResponseEntity<JsonNode> again = post("eng-network", body);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("caseId").asText()).isEqualTo(caseId);
    assertThat(processInstancesOf(caseId)).isEqualTo(1);
  }

  @Test
  void twentySimultaneousIdenticalRequests_makeExactlyOneCase() throws Exception {
    ObjectNode body = request("A", "UNIFIED");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> post("intake", body));
      }
      List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
      assertThat(answers).extracting(ResponseEntity::getStatusCode)
          .containsOnly(HttpStatus.CREATED, HttpStatus.OK)
          .filteredOn(HttpStatus.CREATED::equals).hasSize(1);
      assertThat(answers).extracting(a -> a.getBody().get("caseId").asText()).containsOnly(
          answers.get(0).getBody().get("caseId").asText());
      assertThat(processInstancesOf(answers.get(0).getBody().get("caseId").asText())).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noOrWrongCredentials_answer401_andOutsiders403() {
    assertThat(post(null, request("A", "STANDARD")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user of its own: Camunda delays logins after a failed attempt, which must not hit other tests
    if (identity.createUserQuery().userId("typo").count() == 0) {
      var typo = identity.newUser("typo");
      typo.setPassword("demo");
      identity.saveUser(typo);
      identity.createMembership("typo", "support-intake");
    }
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBasicAuth("typo", "not-the-password");
    assertThat(http.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(wrong), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .as("the engine REST API is locked too").isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> refused = post("account-manager", request("A", "STANDARD"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    if (identity.createUserQuery().userId("stranger").count() == 0) {
      var stranger = identity.newUser("stranger");
      stranger.setPassword("demo");
      identity.saveUser(stranger);
    }
    assertThat(call(HttpMethod.GET, "stranger", "/api/cases", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aPlanWithoutTechnicalSupport_answers422() {
    assertThat(post("intake", request("C", "BASIC")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    ResponseEntity<JsonNode> developerA = post("intake", request("A", "DEVELOPER"));
    assertThat(developerA.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(developerA.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("intake", request("C", "DEVELOPER")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anUnknownCase_answers404Problem() {
    ResponseEntity<JsonNode> missing = call(HttpMethod.GET, "auditor", "/api/cases/SW-0", null);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(missing.getBody().get("detail").asText()).isEqualTo("No case SW-0");
  }

  @Test
  void listingByStatus_followsTheCaseThroughItsLife() {
    String caseId = post("intake", request("A", "PROFESSIONAL_DIRECT")).getBody().get("caseId").asText();
    assertThat(ids(call(HttpMethod.GET, "duty-manager", "/api/cases?status=OPEN", null))).contains(caseId);

    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    as("eng-network", () -> {
      tasks.claim(take.getId(), "eng-network");
      completeAsAPersonWould(take.getId(), Variables.createVariables()
          .putValue(Var.FIRST_RESPONSE, "On it").putValue(Var.ISOLATION_AREAS, "network,storage")
          .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
      return null;
    });
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Task.INVESTIGATE_AREA).count() == 2);
    assertThat(ids(call(HttpMethod.GET, "auditor", "/api/cases?status=INVESTIGATING", null))).contains(caseId);
    assertThat(ids(call(HttpMethod.GET, "auditor", "/api/cases?status=OPEN", null))).doesNotContain(caseId);

    JsonNode view = call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody();
    assertThat(view.get("owner").asText()).isEqualTo("eng-network");
    assertThat(view.get("slaMet").asBoolean()).isTrue();
    assertThat(view.get("areas").findValuesAsText("area")).containsExactlyInAnyOrder("network", "storage");
    assertThat(view.get("areas").findValuesAsText("group")).containsExactlyInAnyOrder("network", "storage");
    assertThat(call(HttpMethod.GET, "auditor", "/api/cases?status=SOMEDAY", null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // an engineer volunteers one more area
    ResponseEntity<JsonNode> volunteered = call(HttpMethod.POST, "eng-app", "/api/cases/" + caseId + "/investigations",
        "{\"area\":\"application\"}");
    assertThat(volunteered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Task.INVESTIGATE_AREA).taskCandidateGroup("application").includeAssignedTasks()
        .taskAssignee("eng-app").count() == 1);
    await().until(() -> call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody().get("timeline")
        .findValuesAsText("text").contains("Volunteered to investigate application"));
    JsonNode timeline = call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody().get("timeline");
    for (JsonNode entry : timeline) {
      if (entry.get("text").asText().equals("Volunteered to investigate application")) {
        assertThat(entry.get("actor").asText()).isEqualTo("eng-app");
      }
    }
    assertThat(call(HttpMethod.POST, "eng-app", "/api/cases/" + caseId + "/investigations", "{\"area\":42}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.POST, "eng-app", "/api/cases/" + caseId + "/raise", null).getStatusCode())
        .as("a Sev A case cannot be raised").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void raisingASevBCase_startsTheSwarm_andVolunteeringThereIsAConflict() {
    String caseId = post("intake", request("B", "RAPID_RESPONSE")).getBody().get("caseId").asText();
    awaitTask(caseId, Task.HANDLE_CASE);
    assertThat(call(HttpMethod.POST, "eng-os", "/api/cases/" + caseId + "/investigations", "{\"area\":\"storage\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(call(HttpMethod.POST, "auditor", "/api/cases/" + caseId + "/raise", null).getStatusCode())
        .as("auditors change nothing").isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(call(HttpMethod.POST, "eng-os", "/api/cases/" + caseId + "/raise", null).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    awaitTask(caseId, Task.TAKE_OWNERSHIP);
    JsonNode view = call(HttpMethod.GET, "intake", "/api/cases/" + caseId, null).getBody();
    assertThat(view.get("severity").asText()).isEqualTo("A");
    assertThat(view.get("timeline").findValuesAsText("text")).contains("eng-os raised the case to Sev A");
  }

  @Test
  void aConfirmedFixIsResolved_andTheReviewClosesTheCase() {
    String caseId = post("intake", request("A", "STANDARD")).getBody().get("caseId").asText();
    complete(caseId, Task.TAKE_OWNERSHIP, "eng-storage", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "On it").putValue(Var.ISOLATION_AREAS, "storage")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    complete(caseId, Task.INVESTIGATE_AREA, "eng-storage", Variables.createVariables()
        .putValue(Var.FINDING, "Datastore full").putValue(Var.VERDICT, "ROOT_CAUSE"));
    complete(caseId, Task.CONFIRM_RESOLUTION, "eng-storage", Variables.createVariables()
        .putValue(Var.ROOT_CAUSE, "Datastore full").putValue(Var.RESOLUTION, "Expanded")
        .putValue(Var.CUSTOMER_CONFIRMED, true));
    awaitTask(caseId, Task.POST_INCIDENT_REVIEW);
    JsonNode resolved = call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody();
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.get("findings").get(0).get("verdict").asText()).isEqualTo("ROOT_CAUSE");
    assertThat(resolved.get("findings").get(0).get("by").asText()).isEqualTo("eng-storage");

    complete(caseId, Task.POST_INCIDENT_REVIEW, "eng-storage", Variables.createVariables()
        .putValue(Var.SUMMARY, "Capacity alert missing").putValue(Var.ACTIONS, "Add the alert"));
    await().until(() -> call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody()
        .get("status").asText().equals("CLOSED"));
  }

  private void complete(String caseId, String taskKey, String user, org.camunda.bpm.engine.variable.VariableMap vars) {
    org.camunda.bpm.engine.task.Task task = awaitTask(caseId, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      completeAsAPersonWould(task.getId(), vars);
      return null;
    });
  }

  @Test
  void raisingWhenThePlanHasNoSevA_answers422() {
    String caseId = post("intake", request("C", "DEVELOPER")).getBody().get("caseId").asText();
    awaitTask(caseId, Task.HANDLE_CASE);
    assertThat(call(HttpMethod.POST, "eng-os", "/api/cases/" + caseId + "/raise", null).getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    ResponseEntity<JsonNode> docs = http.getForEntity("/v3/api-docs", JsonNode.class);
    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode post = docs.getBody().at("/paths/~1api~1cases/post");
    assertThat(post.get("responses").fieldNames()).toIterable().contains("201", "200", "400", "422", "401", "403");
    assertThat(post.at("/responses/400/content").fieldNames()).toIterable().contains("application/problem+json");
  }

  private static List<String> ids(ResponseEntity<JsonNode> list) {
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    return list.getBody().findValuesAsText("caseId");
  }
}
