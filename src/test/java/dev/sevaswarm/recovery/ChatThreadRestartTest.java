package dev.sevaswarm.recovery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sevaswarm.cases.Playbook.Var;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chat threads of a case are kept with the case: an application restarted between the
 * broadcast and the first finding still posts the finding as a reply in the case's Slack thread
 * and in its Teams thread.
 */
class ChatThreadRestartTest {

  private static final String TEAMS_THREAD = "19:c@thread.tacv2;messageid=1764370000424";
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aRestartBetweenBroadcastAndFinding_stillThreadsTheReplies() throws Exception {
    WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    slack.start();
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\": true, \"channel\": \"C0SWARM\", \"ts\": \"1764370000.424242\"}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\": true}")));
    WireMockServer teams = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    teams.start();
    teams.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson(
        "{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"access_token\": \"restart-token\"}")));
    teams.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).willReturn(okJson(
        "{\"id\": \"" + TEAMS_THREAD + "\", \"activityId\": \"1764370000424\"}")));
    teams.stubFor(post(urlPathMatching("/teams/v3/conversations/.+/activities")).willReturn(okJson("{\"id\": \"2\"}")));
    teams.stubFor(put(urlPathMatching("/teams/v3/conversations/.+/activities/.+")).willReturn(okJson("{\"id\": \"1\"}")));
    String[] slackApp = {"swarm.slack.bot-token=xoxb-test", "swarm.slack.channel=C0SWARM",
        "swarm.slack.signing-secret=restart-secret", "swarm.slack.api-url=" + slack.baseUrl() + "/api/",
        "swarm.teams.app-id=restart-bot", "swarm.teams.app-password=secret", "swarm.teams.channel-id=19:c@thread.tacv2",
        "swarm.teams.service-url=" + teams.baseUrl() + "/teams/", "swarm.teams.token-url=" + teams.baseUrl() + "/token"};
    try (AppProcess app = AppProcess.fresh("chat-restart")) {
      app.start(slackApp);
      String caseId = json.readTree(app.post("intake", "/api/cases", """
          {"externalId": "RESTART-%s", "customer": "Contoso", "contactName": "Kenji", "contactEmail": "k@contoso.example",
           "severity": "A", "plan": "RAPID_RESPONSE", "title": "Threads survive restarts", "description": "POS down"}
          """.formatted(UUID.randomUUID())).body()).get("caseId").asText();
      await().atMost(Duration.ofSeconds(60)).until(() -> !slack.findAll(postRequestedFor(urlPathEqualTo(
          "/api/chat.postMessage")).withRequestBody(containing("Threads%20survive%20restarts"))).isEmpty());

      app.stop();
      app.start(slackApp);

      String take = taskOf(app, caseId, "take-ownership");
      app.post("eng-network", "/engine-rest/task/" + take + "/claim", "{\"userId\": \"eng-network\"}");
      app.post("eng-network", "/engine-rest/task/" + take + "/complete", AppProcess.taskVariables(
          Var.FIRST_RESPONSE, "On it", Var.ISOLATION_AREAS, "network", Var.NEXT_CONTACT_AT, "2030-01-01T09:00:00Z"));
      String network = taskOf(app, caseId, "investigate-area");
      app.post("eng-network", "/engine-rest/task/" + network + "/claim", "{\"userId\": \"eng-network\"}");
      app.post("eng-network", "/engine-rest/task/" + network + "/complete", AppProcess.taskVariables(
          Var.FINDING, "Firewall rule after the restart", Var.VERDICT, "INCONCLUSIVE"));

      await().atMost(Duration.ofSeconds(60)).until(() -> !slack.findAll(postRequestedFor(urlPathEqualTo(
          "/api/chat.postMessage")).withRequestBody(containing("thread_ts=1764370000.424242"))
          .withRequestBody(containing("after%20the%20restart"))).isEmpty());
      assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
          .withRequestBody(containing("Threads%20survive%20restarts")).withRequestBody(containing("take-ownership"))))
          .as("one parent message, before the restart").hasSize(1);

      String teamsReplies = "/teams/v3/conversations/" + URLEncoder.encode(TEAMS_THREAD, StandardCharsets.UTF_8)
          + "/activities";
      await().atMost(Duration.ofSeconds(60)).until(() -> !teams.findAll(postRequestedFor(urlPathEqualTo(teamsReplies))
          .withRequestBody(containing("after the restart"))).isEmpty());
      assertThat(teams.findAll(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))))
          .as("one Teams thread, started before the restart").hasSize(1);
    } finally {
      slack.stop();
      teams.stop();
    }
  }

  private String taskOf(AppProcess app, String caseId, String key) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode tasks = json.readTree(app.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + caseId
          + "&taskDefinitionKey=" + key).body());
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }, id -> id != null);
  }
}
