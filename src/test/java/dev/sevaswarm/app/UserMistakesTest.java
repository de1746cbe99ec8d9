package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A person's mistake is a 4xx with a sentence, never a 500 with a stack trace in the operator's log. */
@ExtendWith(OutputCaptureExtension.class)
class UserMistakesTest extends AppTestSupport {

  @Autowired TestRestTemplate http;

  private ResponseEntity<JsonNode> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + "/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static String volunteer(String caseId, String... extra) {
    return "{\"variables\": {\"caseId\": {\"value\": \"" + caseId + "\"}, \"area\": {\"value\": \"storage\"}"
        + (extra.length == 0 ? "" : ", " + String.join(", ", extra)) + "}}";
  }

  @Test
  void completingAnInvestigationCancelledMeanwhile_isAConflictThatSaysWhy(CapturedOutput log) {
    String caseId = openSevACase("Cancelled meanwhile").getBusinessKey();
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    as("eng-platform", () -> {
      tasks.claim(take.getId(), "eng-platform");
      completeAsAPersonWould(take.getId(), Variables.createVariables().putValue(Var.FIRST_RESPONSE, "On it")
          .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"network\",\"storage\"]").create())
          .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30))));
      return null;
    });
    org.awaitility.Awaitility.await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Task.INVESTIGATE_AREA).count() == 2);
    String network = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("network").singleResult().getId();
    String storage = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("storage").singleResult().getId();
    tasks.claim(storage, "eng-storage");
    as("eng-network", () -> {
      tasks.claim(network, "eng-network");
      tasks.complete(network, Variables.createVariables().putValue(Var.FINDING, "Firewall dropped payments")
          .putValue(Var.VERDICT, "ROOT_CAUSE"));
      return null;
    });

    ResponseEntity<JsonNode> late = post("eng-storage", "/task/" + storage + "/submit-form",
        "{\"variables\": {\"finding\": {\"value\": \"Datastore is fine\"}, \"verdict\": {\"value\": \"RULED_OUT\"}}}");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("message").asText()).contains("Investigate storage").contains("cancelled");
    assertThat(post("eng-storage", "/task/no-such-task/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(log.getOut()).doesNotContain("Cannot find task with id");
  }

  @Test
  void volunteeringFromTasklist_forAnUnknownOrQuietCase_saysSo(CapturedOutput log) {
    assertThat(post("eng-storage", "/process-definition/key/volunteer-for-area/submit-form", volunteer("SW-999999"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String waiting = openSevACase("Nobody owns it yet").getBusinessKey();
    awaitTask(waiting, Task.TAKE_OWNERSHIP);
    ResponseEntity<JsonNode> quiet = post("eng-storage", "/process-definition/key/volunteer-for-area/submit-form",
        volunteer(waiting));
    assertThat(quiet.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(quiet.getBody().get("message").asText()).contains("no investigation running");
    assertThat(log.getOut()).doesNotContain("ENGINE-16004");
  }

  @Test
  void startingAProcess_setsOnlyItsStartFormsFields() {
    ResponseEntity<JsonNode> volunteeredAsSomeoneElse = post("eng-storage",
        "/process-definition/key/volunteer-for-area/submit-form",
        volunteer("SW-1001", "\"volunteeredBy\": {\"value\": \"duty-manager\"}"));
    assertThat(volunteeredAsSomeoneElse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(volunteeredAsSomeoneElse.getBody().get("errors").findValuesAsText("field"))
        .containsExactly(Var.VOLUNTEERED_BY);

    ResponseEntity<JsonNode> presetSla = post("intake", "/process-definition/key/support-request/start",
        "{\"variables\": {\"customer\": {\"value\": \"Contoso\"}, \"firstResponseDue\": {\"value\": \"2099-01-01T00:00:00Z\"},"
            + " \"contactEmail\": {\"value\": \"kenji@localhost\"}}}");
    assertThat(presetSla.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(presetSla.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(Var.FIRST_RESPONSE_DUE, Var.CONTACT_EMAIL);
  }
}
