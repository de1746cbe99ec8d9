package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Task;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Invitations as the invitee and the swarm meet them: a mail that leads to the invitation, the
 * answers over the API (the invitee only), and the page in the browser. Two storage engineers of
 * this test's own are on shift around now; they are off the team again afterwards.
 */
class InvitationApiTest extends AppTestSupport {

  static final List<String> EXPERTS = List.of("inv-api-ana", "inv-api-ben");

  @Autowired TestRestTemplate http;

  private ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @BeforeEach
  void twoStorageEngineersOnShift() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    String from = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC).minusHours(2).format(hhmm);
    String to = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC).plusHours(6).format(hhmm);
    for (int i = 0; i < EXPERTS.size(); i++) {
      String userId = EXPERTS.get(i);
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(i == 0 ? "Ana" : "Ben");
        user.setLastName("Storage");
        user.setEmail(userId + "@demo.sevaswarm.dev");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(userId, Playbook.Group.STORAGE);
        identity.createMembership(userId, Playbook.Group.SEV_A_ENGINEERS);
      }
      assertThat(call(HttpMethod.PUT, "duty-manager", "/api/people/" + userId, """
          {"skills": {"storage": %d}, "timeZone": "UTC", "workingHours": {"start": "%s", "end": "%s",
           "days": ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]}}""".formatted(3 - i, from, to))
          .getStatusCode().value()).isEqualTo(200);
    }
  }

  @AfterEach
  void offTheTeamAgain() {
    for (String userId : EXPERTS) {
      assertThat(call(HttpMethod.DELETE, "duty-manager", "/api/people/" + userId, null).getStatusCode().value())
          .isEqualTo(204);
    }
  }

  private JsonNode invitationsOf(String caseId) {
    return call(HttpMethod.GET, "eng-network", "/api/cases/" + caseId + "/invitations", null).getBody();
  }

  private JsonNode pendingFor(String caseId, String userId) {
    return await().until(() -> {
      for (JsonNode invitation : invitationsOf(caseId)) {
        if (invitation.get("userId").asText().equals(userId) && invitation.get("status").asText().equals("PENDING")) {
          return invitation;
        }
      }
      return null;
    }, i -> i != null);
  }

  @Test
  void theInviteeAnswersOverTheApi_andNobodyElseMay() throws Exception {
    String caseId = openSevACase("Invitations: who takes storage?").getBusinessKey();
    takeOwnership(caseId, "eng-network", Variables.createVariables(), "storage");
    JsonNode ana = pendingFor(caseId, "inv-api-ana");
    String id = ana.get("id").asText();
    assertThat(ana.get("area").asText()).isEqualTo("storage");
    assertThat(ana.get("invitedAt").asText()).isNotBlank();

    // the mail leads to the invitation's page
    MimeMessage mail = await().until(() -> mailAbout(caseId).stream().filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals("inv-api-ana@demo.sevaswarm.dev");
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElse(null), m -> m != null);
    assertThat(part(mail, "text/plain")).contains("/board/invitations/" + id);

    assertThat(call(HttpMethod.POST, "eng-storage", "/api/invitations/" + id + "/accept", "{}").getStatusCode().value())
        .as("not theirs").isEqualTo(403);
    ResponseEntity<JsonNode> noReason = call(HttpMethod.POST, "inv-api-ana", "/api/invitations/" + id + "/decline", "{}");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody().at("/errors/0/field").asText()).isEqualTo("reason");
    assertThat(call(HttpMethod.POST, "inv-api-ana", "/api/invitations/" + id + "/decline",
        "{\"reason\": \"Deep in a P1 for another customer\"}").getBody().get("status").asText()).isEqualTo("DECLINED");

    String next = pendingFor(caseId, "inv-api-ben").get("id").asText();
    assertThat(call(HttpMethod.POST, "inv-api-ben", "/api/invitations/" + next + "/accept", "{}").getBody()
        .get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(awaitTask(caseId, Task.INVESTIGATE_AREA).getAssignee()).isEqualTo("inv-api-ben");
    assertThat(call(HttpMethod.POST, "inv-api-ben", "/api/invitations/" + next + "/accept", "{}").getStatusCode().value())
        .as("answered already").isEqualTo(409);
    assertThat(call(HttpMethod.POST, "inv-api-ben", "/api/invitations/no-such-invitation/accept", "{}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, "account-manager", "/api/cases/" + caseId + "/invitations", null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call(HttpMethod.GET, "auditor", "/api/cases/" + caseId + "/invitations", null).getBody().size())
        .isEqualTo(2);
  }

  @Test
  void theInviteeAcceptsOnTheInvitationsPage() throws Exception {
    String caseId = openSevACase("Invitations: in the browser").getBusinessKey();
    takeOwnership(caseId, "eng-network", Variables.createVariables(), "storage");
    String id = pendingFor(caseId, "inv-api-ana").get("id").asText();

    try (Chromium ana = new Chromium(baseUrl())) {
      ana.logIn("inv-api-ana");
      ana.open("/board/invitations/" + id);
      assertThat(ana.driver.findElement(By.tagName("h1")).getText())
          .isEqualTo("Invitation to investigate storage in " + caseId);
      ana.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept"))).click();
      ana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-status"), "Accepted"));
      ana.save("invitation-accepted");
      ana.open("/board/cases/" + caseId);
      assertThat(ana.driver.findElement(By.id("invitations")).getText()).contains("storage", "Ana Storage", "Accepted");
      assertThat(ana.driver.findElement(By.id("investigations")).getText()).contains("Ana Storage");
    }
    assertThat(awaitTask(caseId, Task.INVESTIGATE_AREA).getAssignee()).isEqualTo("inv-api-ana");
  }
}
