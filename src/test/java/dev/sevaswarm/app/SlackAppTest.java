package dev.sevaswarm.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The Slack app as a two-way door, against WireMock standing in for Slack's Web API and requests
 * signed the way Slack signs them: the broadcast starts the case's thread, later news are replies,
 * replies come back as comments, and the message's buttons act as the person who pressed them.
 * (On {@link ChatDoorsTestSupport}'s application, which has the Teams bot too.)
 */
class SlackAppTest extends ChatDoorsTestSupport {

  static final String SECRET = SLACK_SECRET;
  static final String CHANNEL = SLACK_CHANNEL;

  private final ObjectMapper json = new ObjectMapper();
  @Autowired dev.sevaswarm.people.Profiles profiles;

  @BeforeEach
  void slackAnswers() {
    SLACK.resetAll();
    TEAMS.resetAll();
    TeamsBotTest.teamsAnswers();
    // a message's ts is unique in its channel: each test's case gets its own
    String ts = (System.currentTimeMillis() / 1000) + "." + String.format("%06d", System.nanoTime() % 1_000_000);
    SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
        "{\"ok\": true, \"channel\": \"" + CHANNEL + "\", \"ts\": \"" + ts + "\"}")));
    SLACK.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\": true}")));
    user("U0NIA", "eng-network@demo.sevaswarm.dev", "nia");
    user("U0AKIRA", "account-manager@demo.sevaswarm.dev", "akira");
    user("U0GUEST", "someone@elsewhere.example", "Guest Person");
    SLACK.stubFor(post(urlPathEqualTo("/respond")).willReturn(okJson("{\"ok\": true}")));
  }

  private static void user(String id, String email, String name) {
    SLACK.stubFor(post(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
        .willReturn(okJson("{\"ok\": true, \"user\": {\"id\": \"" + id + "\", \"name\": \"" + name
            + "\", \"profile\": {\"email\": \"" + email + "\", \"display_name\": \"" + name + "\"}}}")));
  }

  private String slackThreadOf(String caseId) {
    return await().until(() -> threads.of(caseId, "slack").map(ChatThreads.ChatThread::threadId).orElse(null),
        ts -> ts != null);
  }

  private HttpStatus signed(String path, String body, String contentType, long timestamp, String secret) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    String ts = String.valueOf(timestamp);
    headers.set("X-Slack-Request-Timestamp", ts);
    headers.set("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body));
    return HttpStatus.valueOf(http.exchange(baseUrl() + path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class).getStatusCode().value());
  }

  private HttpStatus event(String eventId, String user, String text, String threadTs) {
    String body = """
        {"type": "event_callback", "event_id": "%s", "event": {"type": "message", "channel": "%s", "user": "%s",
         "text": "%s", "ts": "1764370099.000200", "thread_ts": "%s"}}""".formatted(eventId, CHANNEL, user, text, threadTs);
    return signed("/slack/events", body, "application/json", System.currentTimeMillis() / 1000, SECRET);
  }

  @Test
  void theBroadcastStartsTheCasesThread_findingsAreReplies_andRepliesComeBackAsComments() throws Exception {
    String caseId = openSevACase("Slack: stores cannot open").getBusinessKey();
    String ts = slackThreadOf(caseId);
    LoggedRequest parent = SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).get(0);
    assertThat(parent.getBodyAsString()).contains("channel=" + CHANNEL).doesNotContain("thread_ts")
        .contains("take-ownership").contains("join-area");

    takeOwnership(caseId, "eng-network", Variables.createVariables(), "network");
    org.camunda.bpm.engine.task.Task network = awaitTask(caseId, Task.INVESTIGATE_AREA);
    as("eng-network", () -> {
      tasks.claim(network.getId(), "eng-network");
      tasks.complete(network.getId(), Variables.createVariables().putValue(Var.FINDING, "Firewall rule at 05:00")
          .putValue(Var.VERDICT, "INCONCLUSIVE"));
      return null;
    });
    await().until(() -> SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("thread_ts=" + ts)).withRequestBody(containing("Firewall%20rule%20at%2005"))).size() == 1);
    // the parent shows the case as it is now: owner, next action, who is on which area
    await().until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update"))
        .withRequestBody(containing("ts=" + ts)).withRequestBody(containing("Owner"))
        .withRequestBody(containing("Next%20action")).withRequestBody(containing("network%3A%20eng-network")))
        .isEmpty());

    // a teammate replies in the thread: a comment by the Camunda user with that e-mail, recorded once
    String eventId = "Ev" + UUID.randomUUID();
    assertThat(event(eventId, "U0NIA", "Checked the change log: rule 4711 was pushed at 05:00", ts))
        .isEqualTo(HttpStatus.OK);
    assertThat(event(eventId, "U0NIA", "Checked the change log: rule 4711 was pushed at 05:00", ts))
        .as("Slack redelivers").isEqualTo(HttpStatus.OK);
    await().until(() -> comments(caseId).size() == 1);
    assertThat(comments(caseId).get(0).actor()).isEqualTo("eng-network");
    assertThat(comments(caseId).get(0).text()).startsWith("Checked the change log: rule 4711");

    // someone Slack knows but we do not: their words are kept, under their Slack name
    event("Ev" + UUID.randomUUID(), "U0GUEST", "Maybe the payment gateway changed its certificate?", ts);
    await().until(() -> comments(caseId).size() == 2);
    assertThat(comments(caseId).get(1).actor()).isEqualTo("slack:Guest Person");
    // (the comments from Slack are not posted back into the Slack thread)
    Thread.sleep(500);
    assertThat(SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("rule%204711")))).isEmpty();
  }

  @Test
  void requestsNotSignedBySlack_orStale_areRefusedAndLeaveNoTrace() {
    String caseId = openSevACase("Slack: forged").getBusinessKey();
    String ts = slackThreadOf(caseId);
    String body = """
        {"type": "event_callback", "event_id": "EvForged", "event": {"type": "message", "channel": "%s",
         "user": "U0NIA", "text": "forged", "ts": "1.2", "thread_ts": "%s"}}""".formatted(CHANNEL, ts);

    assertThat(signed("/slack/events", body, "application/json", System.currentTimeMillis() / 1000, "another-secret"))
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(signed("/slack/events", body, "application/json", System.currentTimeMillis() / 1000 - 6 * 60, SECRET))
        .as("older than five minutes").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(comments(caseId)).isEmpty();
    assertThat(signed("/slack/events", "{\"type\": \"url_verification\", \"challenge\": \"c-123\"}",
        "application/json", System.currentTimeMillis() / 1000, SECRET)).isEqualTo(HttpStatus.OK);
  }

  private HttpStatus press(String user, String actionId, String value) throws Exception {
    String payload = json.writeValueAsString(json.readTree("""
        {"type": "block_actions", "user": {"id": "%s"}, "response_url": "%s/respond",
         "actions": [{"action_id": "%s", "value": "%s"}]}""".formatted(user, SLACK.baseUrl(), actionId, value)));
    return signed("/slack/interactivity", "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", System.currentTimeMillis() / 1000, SECRET);
  }

  @Test
  void takeOwnershipFromTheMessage_claimsTheTaskForTheMappedUser_andOthersAreToldNotAllowed() throws Exception {
    String caseId = openSevACase("Slack: buttons").getBusinessKey();
    slackThreadOf(caseId);
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);

    assertThat(press("U0AKIRA", "take-ownership", caseId)).isEqualTo(HttpStatus.OK);
    await().until(() -> SLACK.findAll(postRequestedFor(urlPathEqualTo("/respond"))
        .withRequestBody(containing("Not allowed"))).size() == 1);
    assertThat(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee()).isNull();

    assertThat(press("U0NIA", "take-ownership", caseId)).isEqualTo(HttpStatus.OK);
    await().until(() -> "eng-network".equals(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee()));
    await().until(() -> SLACK.findAll(postRequestedFor(urlPathEqualTo("/respond"))
        .withRequestBody(containing("?task=" + take.getId()))).size() == 1);
    JsonNode taken = json.readTree(SLACK.findAll(postRequestedFor(urlPathEqualTo("/respond"))
        .withRequestBody(containing("?task="))).get(0).getBodyAsString());
    assertThat(taken.get("response_type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void slacksRefusals_areFailuresWithSlacksError_andAShortRateLimitIsWaitedOut() {
    SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
        .withRequestBody(containing("Refused%20channel"))
        .willReturn(okJson("{\"ok\": false, \"error\": \"channel_not_found\"}")));
    String refused = openSevACase("Refused channel").getBusinessKey();
    await().until(() -> thread.entries(refused).stream().anyMatch(e -> e.text().startsWith(
        "INTAKE_BROADCAST to TEAM by slack failed (attempt 1 of 3") && e.text().endsWith(
        "Slack chat.postMessage answered channel_not_found")));

    SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
        .withRequestBody(containing("Rate%20limited")).inScenario("limit").whenScenarioStateIs("Started")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
            .withHeader("Retry-After", "1").withBody("{\"ok\": false, \"error\": \"ratelimited\"}"))
        .willSetStateTo("waited"));
    String limited = openSevACase("Rate limited").getBusinessKey();
    await().until(() -> threads.of(limited, "slack").isPresent());
    assertThat(thread.entries(limited)).noneMatch(e -> e.text().contains("by slack failed"));
  }

  @Test
  void joinFromTheMessage_opensAnInvestigationOfThatArea_andSaysSoInTheThread() throws Exception {
    String caseId = openSevACase("Slack: join").getBusinessKey();
    String ts = slackThreadOf(caseId);
    takeOwnership(caseId, "eng-network", Variables.createVariables(), "network");

    assertThat(press("U0NIA", "join-area:application", caseId + ":application")).isEqualTo(HttpStatus.OK);
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("application").count() == 1);
    await().until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("thread_ts=" + ts)).withRequestBody(containing("joins"))).isEmpty());
    assertThat(press("U0AKIRA", "join-area:storage", caseId + ":storage")).isEqualTo(HttpStatus.OK);
    await().until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/respond"))
        .withRequestBody(containing("Not allowed: joining"))).isEmpty());
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("storage").count()).isZero();
  }

  @Test
  void anInvitationCallsTheInviteeByNameInTheCasesThread() {
    SLACK.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).withRequestBody(containing("eng-network%40demo"))
        .willReturn(okJson("{\"ok\": true, \"user\": {\"id\": \"U0NIA\", \"name\": \"nia\"}}")));
    java.time.LocalTime now = dev.sevaswarm.cases.CaseClock.now().atZoneSameInstant(java.time.ZoneOffset.UTC)
        .toLocalTime();
    profiles.save(new dev.sevaswarm.people.Profile("eng-network", java.util.Map.of("network", 3), List.of(),
        java.time.ZoneOffset.UTC, new dev.sevaswarm.people.WorkingHours(now.minusHours(2), now.plusHours(6),
        java.util.EnumSet.allOf(java.time.DayOfWeek.class)), false), "test");
    try {
      String caseId = openSevACase("Slack: who takes the network?").getBusinessKey();
      String ts = slackThreadOf(caseId);
      takeOwnership(caseId, "eng-storage", Variables.createVariables(), "network");
      await().until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
          .withRequestBody(containing("thread_ts=" + ts)).withRequestBody(containing("%3C%40U0NIA%3E"))
          .withRequestBody(containing("%2Fboard%2Finvitations%2F"))).isEmpty());
    } finally {
      profiles.delete("eng-network");
    }
  }
}
