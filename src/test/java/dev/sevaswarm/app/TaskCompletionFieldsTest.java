package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseFindings;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task completion sets only the fields of its step: an engineer completing their own
 * investigation cannot write into another case, or change the case's owner, SLA or routing,
 * through any of the engine REST API's ways of writing task variables.
 */
class TaskCompletionFieldsTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired CaseFindings findings;
  @Autowired CaseThread thread;

  /** A Sev A case whose owner picked the network area; returns the network investigation's task id. */
  private String networkInvestigation(String caseId) {
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    as("eng-platform", () -> {
      tasks.claim(take.getId(), "eng-platform");
      completeAsAPersonWould(take.getId(), Variables.createVariables()
          .putValue(Var.FIRST_RESPONSE, "We are on it")
          .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"network\"]").create())
          .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30))));
      return null;
    });
    return awaitTask(caseId, Task.INVESTIGATE_AREA).getId();
  }

  private ResponseEntity<JsonNode> engine(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("eng-network", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + "/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String finding(String text, String... extra) {
    StringBuilder variables = new StringBuilder("\"finding\": {\"value\": \"" + text + "\", \"type\": \"String\"},"
        + " \"verdict\": {\"value\": \"ROOT_CAUSE\", \"type\": \"String\"}");
    for (String variable : extra) {
      variables.append(", ").append(variable);
    }
    return "{\"variables\": {" + variables + "}}";
  }

  private long findingsIn(String caseId) {
    return thread.entries(caseId).stream().filter(e -> e.kind() == ThreadKind.FINDING).count();
  }

  @Test
  void completingOnesOwnInvestigation_withAnotherCasesId_isRefusedAndNothingChanges() {
    String target = openSevACase("Target of a cross-case write").getBusinessKey();
    String investigated = openSevACase("Case really investigated").getBusinessKey();
    String taskId = networkInvestigation(investigated);
    tasks.claim(taskId, "eng-network");

    ResponseEntity<JsonNode> refused = engine(HttpMethod.POST, "/task/" + taskId + "/complete",
        finding("firewall rule dropped payments",
            "\"caseId\": {\"value\": \"" + target + "\", \"type\": \"String\"}",
            "\"area\": {\"value\": \"storage\", \"type\": \"String\"}"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly(Var.CASE_ID, Var.AREA);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
    assertThat(findingsIn(target)).isZero();
    assertThat(findings.of(target)).isEmpty();
    assertThat(findingsIn(investigated)).isZero();
    assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(taskId).singleResult().getExecutionId(), Var.CASE_ID))
        .isEqualTo(investigated);

    ResponseEntity<Void> completed = http.exchange(baseUrl() + "/engine-rest/task/" + taskId + "/complete",
        HttpMethod.POST, entity(finding("firewall rule dropped payments")), Void.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(findings.of(investigated)).singleElement()
        .satisfies(f -> assertThat(f.area()).isEqualTo("network"));
    assertThat(findingsIn(target)).isZero();
  }

  @Test
  void everyWayOfWritingTaskVariables_refusesTheCasesOwnVariables() {
    String caseId = openSevACase("Variables of a task").getBusinessKey();
    String taskId = networkInvestigation(caseId);
    String owner = "{\"value\": \"eng-network\", \"type\": \"String\"}";

    assertThat(engine(HttpMethod.PUT, "/task/" + taskId + "/variables/owner", owner).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine(HttpMethod.PUT, "/task/" + taskId + "/localVariables/caseId", owner).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine(HttpMethod.POST, "/task/" + taskId + "/variables",
        "{\"modifications\": {\"rootCauseFound\": {\"value\": true, \"type\": \"Boolean\"}}}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine(HttpMethod.DELETE, "/task/" + taskId + "/variables/severity", null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine(HttpMethod.POST, "/task/" + taskId + "/submit-form",
        finding("x", "\"firstResponseDue\": {\"value\": \"2099-01-01T00:00:00Z\", \"type\": \"String\"}"))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    String execution = tasks.createTaskQuery().taskId(taskId).singleResult().getExecutionId();
    assertThat(runtime.getVariable(execution, Var.OWNER)).isEqualTo("eng-platform");
    assertThat(runtime.getVariable(execution, Var.ROOT_CAUSE_FOUND)).isEqualTo(false);
    assertThat(runtime.getVariable(execution, Var.SEVERITY)).isEqualTo("A");
    assertThat(tasks.getVariableLocal(taskId, Var.CASE_ID)).isNull();

    // a field of the step itself may be saved as a draft
    assertThat(engine(HttpMethod.PUT, "/task/" + taskId + "/variables/finding",
        "{\"value\": \"half-way\", \"type\": \"String\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aFindingFitsAtItsLimit_andOnePastItIsRefusedNaming() {
    String caseId = openSevACase("Long finding").getBusinessKey();
    String taskId = networkInvestigation(caseId);
    tasks.claim(taskId, "eng-network");

    ResponseEntity<JsonNode> tooLong = engine(HttpMethod.POST, "/task/" + taskId + "/complete",
        finding("x".repeat(FieldLimits.LONG_TEXT + 1)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("errors").findValuesAsText("field")).containsExactly(Var.FINDING);

    ResponseEntity<JsonNode> nul = engine(HttpMethod.POST, "/task/" + taskId + "/complete", finding("a\\u0000b"));
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<Void> atLimit = http.exchange(baseUrl() + "/engine-rest/task/" + taskId + "/complete",
        HttpMethod.POST, entity(finding("x".repeat(FieldLimits.LONG_TEXT))), Void.class);
    assertThat(atLimit.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(findings.of(caseId)).singleElement().satisfies(f -> assertThat(f.finding()).hasSize(FieldLimits.LONG_TEXT));
    org.camunda.bpm.engine.task.Task confirm = awaitTask(caseId, Task.CONFIRM_RESOLUTION);
    assertThat((String) tasks.getVariable(confirm.getId(), Var.ROOT_CAUSE)).hasSize(FieldLimits.LONG_TEXT).endsWith("…");
    assertThat(thread.entries(caseId)).extracting(ThreadEntry::kind).contains(ThreadKind.FINDING);
  }

  private static HttpEntity<String> entity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("eng-network", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
