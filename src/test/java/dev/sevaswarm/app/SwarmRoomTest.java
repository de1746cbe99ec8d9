package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import java.util.List;
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

/** The swarm room over the API: comments, mentions, who is on what, the next action, joining. */
class SwarmRoomTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired org.camunda.bpm.engine.FilterService filters;

  private ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A Sev A case that eng-network owns, investigating the network. */
  private String ownedCase(String title) {
    String caseId = openSevACase(title).getBusinessKey();
    takeOwnership(caseId, "eng-network",
        Variables.createVariables().putValue(Var.NEXT_ACTION, "Read the firewall change log"), "network");
    return caseId;
  }

  private JsonNode view(String caseId) {
    return call(HttpMethod.GET, "auditor", "/api/cases/" + caseId, null).getBody();
  }

  @Test
  void aTeammateWithoutATaskComments_theThreadTheChannelAndTheMentionedPersonSeeIt() throws Exception {
    String caseId = ownedCase("Room: a hint");
    ResponseEntity<JsonNode> posted = call(HttpMethod.POST, "eng-storage", "/api/cases/" + caseId + "/comments",
        "{\"text\": \"Did you check the firewall rule pushed at 05:00?\", \"mentions\": [\"eng-network\"]}");

    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode comment = java.util.stream.StreamSupport.stream(view(caseId).get("timeline").spliterator(), false)
        .filter(e -> e.get("kind").asText().equals("COMMENT")).findFirst().orElseThrow();
    assertThat(comment.get("actor").asText()).isEqualTo("eng-storage");
    assertThat(comment.get("text").asText()).startsWith("Did you check the firewall rule pushed at 05:00?");
    await().until(() -> !WEBHOOKS.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/slack/.*"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("firewall rule pushed at 05:00")))
        .isEmpty());
    await().until(() -> mailAbout(caseId).stream().anyMatch(m -> recipient(m).equals("eng-network@demo.sevaswarm.dev")));
    var mention = mailAbout(caseId).stream().filter(m -> recipient(m).equals("eng-network@demo.sevaswarm.dev"))
        .findFirst().orElseThrow();
    assertThat(part(mention, "text/plain")).contains("Comment: Did you check the firewall rule")
        .contains("Comment by: eng-storage").contains("/camunda/app/tasklist/");

    JsonNode audit = call(HttpMethod.GET, "auditor", "/api/cases/" + caseId + "/audit", null).getBody();
    assertThat(audit.get("entries").findValuesAsText("action")).contains("thread COMMENT");
  }

  private static String recipient(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theAccountTeamAndAuditorsReadOnly_andBadCommentsAreNamed() {
    String caseId = openSevACase("Room: who may talk").getBusinessKey();
    String body = "{\"text\": \"hello\"}";
    assertThat(call(HttpMethod.POST, "account-manager", "/api/cases/" + caseId + "/comments", body).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.POST, "auditor", "/api/cases/" + caseId + "/comments", body).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.POST, "duty-manager", "/api/cases/" + caseId + "/comments", body).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> bad = call(HttpMethod.POST, "eng-os", "/api/cases/" + caseId + "/comments",
        "{\"text\": \" \", \"mentions\": [\"nobody-at-all\"]}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("text", "mentions");
    assertThat(call(HttpMethod.POST, "eng-os", "/api/cases/SW-999999/comments", body).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void tasklistsAddComment_isACaseCommentByThePersonWorkingTheTask() {
    String caseId = ownedCase("Room: Tasklist comment");
    String network = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .singleResult().getId();

    ResponseEntity<JsonNode> made = call(HttpMethod.POST, "eng-network", "/engine-rest/task/" + network + "/comment/create",
        "{\"message\": \"Pulling the firewall logs now\"}");
    assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(made.getBody().get("userId").asText()).isEqualTo("eng-network");
    assertThat(tasks.getTaskComments(network)).extracting(c -> c.getFullMessage()).contains("Pulling the firewall logs now");
    assertThat(view(caseId).get("timeline").findValuesAsText("text")).contains("Pulling the firewall logs now");

    assertThat(call(HttpMethod.POST, "eng-storage", "/engine-rest/task/" + network + "/comment/create",
        "{\"message\": \"not my task\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCaseShowsWhoIsOnWhat_andTheNextAction_whichTheOwnerOrADutyManagerChanges() {
    String caseId = ownedCase("Room: next action");
    JsonNode before = view(caseId);
    assertThat(before.get("nextAction").get("text").asText()).isEqualTo("Read the firewall change log");
    assertThat(before.get("nextAction").get("by").asText()).isEqualTo("eng-network");
    assertThat(before.get("investigations").get(0).get("area").asText()).isEqualTo("network");
    assertThat(before.get("investigations").get(0).get("status").asText()).isEqualTo("OPEN");
    assertThat(before.get("investigations").get(0).get("group").asText()).isEqualTo("network");

    // a storage engineer joins from the room: the new investigation is theirs
    assertThat(call(HttpMethod.POST, "eng-storage", "/api/cases/" + caseId + "/investigations",
        "{\"area\": \"storage\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().until(() -> java.util.stream.StreamSupport.stream(view(caseId).get("investigations").spliterator(), false)
        .anyMatch(i -> i.get("area").asText().equals("storage") && "eng-storage".equals(i.get("assignee").asText(null))
            && i.get("status").asText().equals("IN_PROGRESS")));

    String due = CaseClock.format(CaseClock.now().plusMinutes(20));
    String action = "{\"text\": \"Roll back the 05:00 firewall change\", \"due\": \"" + due + "\"}";
    assertThat(call(HttpMethod.PUT, "eng-storage", "/api/cases/" + caseId + "/next-action", action).getStatusCode())
        .as("not the owner").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> set = call(HttpMethod.PUT, "eng-network", "/api/cases/" + caseId + "/next-action", action);
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(view(caseId).get("nextAction").get("text").asText()).isEqualTo("Roll back the 05:00 firewall change");
    assertThat(view(caseId).get("timeline").findValuesAsText("text"))
        .contains("Next action: Roll back the 05:00 firewall change (by " + due + ")");
    assertThat(call(HttpMethod.PUT, "duty-manager", "/api/cases/" + caseId + "/next-action",
        "{\"text\": \"Call the vendor\", \"due\": \"" + due + "\"}").getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> past = call(HttpMethod.PUT, "eng-network", "/api/cases/" + caseId + "/next-action",
        "{\"text\": \"x\", \"due\": \"2020-01-01T00:00:00Z\"}");
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(past.getBody().get("errors").findValuesAsText("field")).containsExactly("due");
    assertThat(List.of(view(caseId).get("nextAction").get("by").asText())).containsExactly("duty-manager");
  }

  @Test
  void theOwnerHandsOverOnPurpose_onceAtATime_andOthersMayNot() {
    String caseId = ownedCase("Room: handing over");
    assertThat(call(HttpMethod.POST, "eng-storage", "/api/cases/" + caseId + "/handover", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.POST, "eng-network", "/api/cases/" + caseId + "/handover", "{}").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(awaitTask(caseId, Task.HAND_OVER).getAssignee()).isEqualTo("eng-network");
    ResponseEntity<JsonNode> again = call(HttpMethod.POST, "duty-manager", "/api/cases/" + caseId + "/handover", "{}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").asText()).isEqualTo("Case " + caseId + " is being handed over already");
    assertThat(view(caseId).get("timeline").toString()).contains("eng-network asks for a handover of the case");

    // once the brief is written, the take-over waits where the rotation looks for cases to take
    as("eng-network", () -> {
      completeAsAPersonWould(awaitTask(caseId, Task.HAND_OVER).getId(), java.util.Map.of(Var.HANDOVER_BRIEF,
          "All in the thread", Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30))));
      return null;
    });
    String takeOver = awaitTask(caseId, Task.TAKE_OVER).getId();
    String toTake = filters.createFilterQuery().filterName("Sev A cases to take").singleResult().getId();
    assertThat(as("eng-storage", () -> filters.<org.camunda.bpm.engine.task.Task>list(toTake)))
        .extracting(org.camunda.bpm.engine.task.Task::getId).contains(takeOver);
  }
}
