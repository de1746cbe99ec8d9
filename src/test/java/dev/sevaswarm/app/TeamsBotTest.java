package dev.sevaswarm.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Teams bot as a two-way door, spoken to as the Bot Framework would: the broadcast starts the
 * case's thread in the channel (its id kept with the case), later news are replies and the parent
 * card follows the case; members' replies come back as comments, the card's buttons act as the
 * member who pressed them; and a request the Bot Framework did not sign for this bot is refused
 * with nothing recorded.
 */
class TeamsBotTest extends ChatDoorsTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void answers() {
    TEAMS.resetAll();
    SLACK.resetAll();
    teamsAnswers();
    SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
        "{\"ok\": true, \"channel\": \"" + SLACK_CHANNEL + "\", \"ts\": \"" + Instant.now().getEpochSecond() + "."
            + String.format("%06d", System.nanoTime() % 1_000_000) + "\"}")));
    SLACK.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\": true}")));
  }

  /** The Bot Connector as Teams runs it: a new post is a conversation of its own, named after its message. */
  static void teamsAnswers() {
    microsoftIdentity();
    TEAMS.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{{#assign 'n'}}{{randomValue length=13 type='NUMERIC'}}{{/assign}}"
            + "{\"id\": \"" + TEAMS_CHANNEL + ";messageid={{n}}\", \"activityId\": \"{{n}}\"}")));
    TEAMS.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
        .willReturn(okJson("{\"id\": \"1764370000999\"}")));
    TEAMS.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
        .willReturn(okJson("{\"id\": \"1764370000000\"}")));
    member("29:nia", "Nia Network", "eng-network@demo.sevaswarm.dev");
    member("29:akira", "Akira Account", "account-manager@demo.sevaswarm.dev");
    member("29:aiko", "Aiko Application", "eng-app@demo.sevaswarm.dev");
    member("29:guest", "Guest Person", "someone@elsewhere.example");
  }

  private static void member(String id, String name, String email) {
    TEAMS.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/" + id.replace(":", "(%3A|:)")))
        .willReturn(okJson("""
            {"id": "%s", "name": "%s", "givenName": "%s", "email": "%s", "userPrincipalName": "%s",
             "tenantId": "%s", "userRole": "user"}""".formatted(id, name, name.split(" ")[0], email, email, TEAMS_TENANT))));
  }

  private ChatThread teamsThreadOf(String caseId) {
    return await().until(() -> threads.of(caseId, "teams").orElse(null), t -> t != null);
  }

  private static String encoded(String conversationId) {
    return URLEncoder.encode(conversationId, StandardCharsets.UTF_8);
  }

  private List<LoggedRequest> repliesIn(ChatThread teamsThread) {
    return TEAMS.findAll(postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + encoded(teamsThread.threadId())
        + "/activities")));
  }

  // --- the Bot Framework's side -------------------------------------------------------------------

  private static String token(RSAKey key, String audience, Instant expires, String serviceUrl, String issuer)
      throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
        .issueTime(Date.from(expires.minus(Duration.ofMinutes(60)))).notBeforeTime(Date.from(expires.minus(Duration.ofMinutes(60))))
        .expirationTime(Date.from(expires)).claim("serviceurl", serviceUrl).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String validToken() throws Exception {
    return token(BOT_FRAMEWORK_KEY, TEAMS_APP_ID, Instant.now().plus(Duration.ofMinutes(30)), teamsServiceUrl(),
        "https://api.botframework.com");
  }

  private ResponseEntity<String> deliver(ObjectNode activity, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return http.exchange(baseUrl() + "/teams/messages", HttpMethod.POST, new HttpEntity<>(activity.toString(), headers),
        String.class);
  }

  private ObjectNode activity(String type, String id, String conversationId, String fromId, String fromName) {
    ObjectNode activity = json.createObjectNode();
    activity.put("type", type).put("id", id).put("timestamp", Instant.now().toString())
        .put("serviceUrl", teamsServiceUrl()).put("channelId", "msteams");
    activity.putObject("from").put("id", fromId).put("name", fromName);
    activity.putObject("conversation").put("isGroup", true).put("conversationType", "channel")
        .put("id", conversationId).put("tenantId", TEAMS_TENANT);
    activity.putObject("recipient").put("id", "28:" + TEAMS_APP_ID).put("name", "Sev A Swarm");
    ObjectNode channelData = activity.putObject("channelData");
    channelData.putObject("channel").put("id", TEAMS_CHANNEL);
    channelData.putObject("tenant").put("id", TEAMS_TENANT);
    return activity;
  }

  private ObjectNode reply(String id, ChatThread teamsThread, String fromId, String fromName, String html) {
    ObjectNode message = activity("message", id, teamsThread.threadId(), fromId, fromName);
    message.put("textFormat", "plain").put("text", html).put("replyToId", teamsThread.parentId());
    return message;
  }

  private ObjectNode press(ChatThread teamsThread, String fromId, String verb, String caseId, String area) {
    ObjectNode invoke = activity("invoke", "f:" + UUID.randomUUID(), teamsThread.threadId(), fromId, "someone");
    invoke.put("name", "adaptiveCard/action").put("replyToId", teamsThread.parentId());
    ObjectNode action = invoke.putObject("value").put("trigger", "manual").putObject("action");
    action.put("type", "Action.Execute").put("verb", verb).putObject("data").put("caseId", caseId).put("area", area);
    return invoke;
  }

  // --- the loop ----------------------------------------------------------------------------------

  @Test
  void theBroadcastStartsTheCasesThread_findingsAreReplies_andTheParentCardFollowsTheCase() throws Exception {
    String caseId = openSevACase("Teams: stores cannot open").getBusinessKey();
    ChatThread teamsThread = teamsThreadOf(caseId);
    assertThat(teamsThread.threadId()).startsWith(TEAMS_CHANNEL + ";messageid=")
        .endsWith(";messageid=" + teamsThread.parentId());

    LoggedRequest created = TEAMS.findAll(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))).get(0);
    assertThat(created.getHeader("Authorization")).isEqualTo("Bearer bot-token-1");
    JsonNode request = json.readTree(created.getBodyAsString());
    assertThat(request.at("/channelData/channel/id").asText()).isEqualTo(TEAMS_CHANNEL);
    assertThat(request.at("/channelData/tenant/id").asText()).isEqualTo(TEAMS_TENANT);
    JsonNode card = request.at("/activity/attachments/0/content");
    assertThat(request.at("/activity/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.findValues("verb")).extracting(JsonNode::asText).contains("take-ownership", "join-area");
    assertThat(card.findParents("verb")).filteredOn(a -> a.get("verb").asText().equals("join-area"))
        .extracting(a -> a.at("/data/area").asText()).contains("network", "storage", "application");
    assertThat(card.findParents("verb")).allMatch(a -> a.at("/data/caseId").asText().equals(caseId)
        && a.get("type").asText().equals("Action.Execute"));

    takeOwnership(caseId, "eng-network", Variables.createVariables(), "network");
    org.camunda.bpm.engine.task.Task network = awaitTask(caseId, Task.INVESTIGATE_AREA);
    as("eng-network", () -> {
      tasks.claim(network.getId(), "eng-network");
      tasks.complete(network.getId(), Variables.createVariables().putValue(Var.FINDING, "Firewall rule at 05:00")
          .putValue(Var.VERDICT, "INCONCLUSIVE"));
      return null;
    });
    await().until(() -> repliesIn(teamsThread).stream().anyMatch(r -> r.getBodyAsString().contains("Firewall rule at 05:00")));
    // the parent card, updated in place, shows the case as it is now
    String parentPath = "/teams/v3/conversations/" + encoded(teamsThread.threadId()) + "/activities/"
        + teamsThread.parentId();
    await().until(() -> TEAMS.findAll(putRequestedFor(urlPathEqualTo(parentPath))).stream()
        .map(LoggedRequest::getBodyAsString).anyMatch(b -> b.contains("Owner") && b.contains("Next action")
            && b.contains("network: eng-network")));
    assertThat(TEAMS.findAll(postRequestedFor(urlPathEqualTo("/teams/v3/conversations")))).as("one thread per case")
        .hasSize(1);
    // every call carries the bot's token, which is fetched once and kept
    assertThat(TEAMS.findAll(postRequestedFor(urlPathMatching("/teams/.*")))).allMatch(r ->
        "Bearer bot-token-1".equals(r.getHeader("Authorization")));
    assertThat(TEAMS.findAll(postRequestedFor(urlPathEqualTo("/oauth2/v2.0/token")))).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void membersRepliesBecomeCommentsOnce_strangersSignWithTheirTeamsName_andTheOtherChatToolHearsOfThem()
      throws Exception {
    String caseId = openSevACase("Teams: replies").getBusinessKey();
    ChatThread teamsThread = teamsThreadOf(caseId);
    String slackTs = await().until(() -> threads.of(caseId, "slack").map(ChatThread::threadId).orElse(null),
        ts -> ts != null);

    ObjectNode nia = reply("1764370100001", teamsThread, "29:nia", "Nia Network",
        "<at>Sev A Swarm</at> <p>Checked the <b>change log</b>: rule 4711 &amp; 4712 were pushed at 05:00</p>");
    nia.putArray("entities").addObject().put("type", "mention").put("text", "<at>Sev A Swarm</at>")
        .putObject("mentioned").put("id", "28:" + TEAMS_APP_ID).put("name", "Sev A Swarm");
    assertThat(deliver(nia, validToken()).getStatusCode().value()).isEqualTo(200);
    assertThat(deliver(nia, validToken()).getStatusCode().value()).as("Teams delivers again").isEqualTo(200);
    await().until(() -> comments(caseId).size() == 1);
    assertThat(comments(caseId).get(0).actor()).isEqualTo("eng-network");
    assertThat(comments(caseId).get(0).text())
        .isEqualTo("Checked the change log: rule 4711 & 4712 were pushed at 05:00");

    deliver(reply("1764370100002", teamsThread, "29:guest", "Guest Person", "Maybe the gateway's certificate?"),
        validToken());
    await().until(() -> comments(caseId).size() == 2);
    assertThat(comments(caseId).get(1).actor()).isEqualTo("teams:Guest Person");

    // the bot's own posts are not comments
    deliver(reply("1764370100003", teamsThread, "28:" + TEAMS_APP_ID, "Sev A Swarm", "New comment"), validToken());

    // two doors to one room: the Slack thread hears of the Teams comment, the Teams thread does not get it back
    await().until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("thread_ts=" + slackTs)).withRequestBody(containing("rule%204711"))).isEmpty());
    assertThat(repliesIn(teamsThread)).noneMatch(r -> r.getBodyAsString().contains("rule 4711"));
    assertThat(comments(caseId)).hasSize(2);
  }

  @Test
  void takeOwnershipFromTheCard_claimsAsTheMappedMember_andOthersGetANotAllowedCard() throws Exception {
    String caseId = openSevACase("Teams: take ownership").getBusinessKey();
    ChatThread teamsThread = teamsThreadOf(caseId);
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);

    JsonNode refused = json.readTree(deliver(press(teamsThread, "29:akira", "take-ownership", caseId, null),
        validToken()).getBody());
    assertThat(refused.get("statusCode").asInt()).isEqualTo(200);
    assertThat(refused.get("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(refused.at("/value/body/0/text").asText()).startsWith("Not allowed: taking ownership");
    JsonNode stranger = json.readTree(deliver(press(teamsThread, "29:guest", "take-ownership", caseId, null),
        validToken()).getBody());
    assertThat(stranger.at("/value/body/0/text").asText()).isEqualTo("Not allowed: your Teams account matches no Sev A Swarm user");
    assertThat(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee()).isNull();

    JsonNode taken = json.readTree(deliver(press(teamsThread, "29:nia", "take-ownership", caseId, null),
        validToken()).getBody());
    assertThat(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee()).isEqualTo("eng-network");
    assertThat(taken.at("/value/type").asText()).isEqualTo("AdaptiveCard");
    assertThat(taken.at("/value/body/1/text").asText()).startsWith("You are taking " + caseId);
    assertThat(taken.at("/value/actions").findValuesAsText("url")).anyMatch(u -> u.endsWith("?task=" + take.getId()));
    await().until(() -> repliesIn(teamsThread).stream()
        .anyMatch(r -> r.getBodyAsString().contains("eng-network is taking " + caseId)));
    assertThat(thread.entries(caseId)).anyMatch(e -> e.kind() == ThreadKind.OWNERSHIP
        && e.text().equals("eng-network is taking the case (from Teams)"));
  }

  @Test
  void joinFromTheCard_opensAnInvestigationOfThatArea_forTheSwarmsEngineersOnly() throws Exception {
    String caseId = openSevACase("Teams: join").getBusinessKey();
    ChatThread teamsThread = teamsThreadOf(caseId);
    takeOwnership(caseId, "eng-network", Variables.createVariables(), "network");

    JsonNode refused = json.readTree(deliver(press(teamsThread, "29:akira", "join-area", caseId, "storage"),
        validToken()).getBody());
    assertThat(refused.at("/value/body/0/text").asText()).startsWith("Not allowed: joining");
    JsonNode joined = json.readTree(deliver(press(teamsThread, "29:nia", "join-area", caseId, "application"),
        validToken()).getBody());
    assertThat(joined.at("/value/body/1/text").asText()).startsWith("You are on application for " + caseId);
    // Nia is not in the application group: the investigation is open to that group, not given to her
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("application").count() == 1);
    // Aiko is in the application group: the investigation she opens is hers at once
    JsonNode aiko = json.readTree(deliver(press(teamsThread, "29:aiko", "join-area", caseId, "application"),
        validToken()).getBody());
    assertThat(aiko.at("/value/body/1/text").asText()).startsWith("You are on application for " + caseId);
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskAssignee("eng-app").count() == 1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("storage").count()).isZero();
  }

  @Test
  void requestsTheBotFrameworkDidNotSignForThisBot_areRefusedAndLeaveNoTrace() throws Exception {
    String caseId = openSevACase("Teams: forged").getBusinessKey();
    ChatThread teamsThread = teamsThreadOf(caseId);
    ObjectNode message = reply("1764370200001", teamsThread, "29:nia", "Nia Network", "forged words");
    Instant later = Instant.now().plus(Duration.ofMinutes(30));
    String botFramework = "https://api.botframework.com";

    assertThat(deliver(message, null).getStatusCode().value()).as("no token").isEqualTo(401);
    assertThat(deliver(message, token(rsaKey("bf-key-1"), TEAMS_APP_ID, later, teamsServiceUrl(), botFramework))
        .getStatusCode().value()).as("signed by another key").isEqualTo(401);
    assertThat(deliver(message, token(BOT_FRAMEWORK_KEY, TEAMS_APP_ID, Instant.now().minus(Duration.ofMinutes(10)),
        teamsServiceUrl(), botFramework)).getStatusCode().value()).as("expired").isEqualTo(401);
    assertThat(deliver(message, token(BOT_FRAMEWORK_KEY, "another-bot", later, teamsServiceUrl(), botFramework))
        .getStatusCode().value()).as("for another bot").isEqualTo(401);
    assertThat(deliver(message, token(BOT_FRAMEWORK_KEY, TEAMS_APP_ID, later, "https://evil.example/teams/", botFramework))
        .getStatusCode().value()).as("another service URL").isEqualTo(401);
    assertThat(deliver(message, token(BOT_FRAMEWORK_KEY, TEAMS_APP_ID, later, teamsServiceUrl(), "https://sts.evil.example/"))
        .getStatusCode().value()).as("another issuer").isEqualTo(401);
    JsonNode invoke = press(teamsThread, "29:nia", "take-ownership", caseId, null);
    assertThat(deliver((ObjectNode) invoke, token(rsaKey("bf-key-2"), TEAMS_APP_ID, later, teamsServiceUrl(), botFramework))
        .getStatusCode().value()).as("a key the JWKS does not have").isEqualTo(401);

    assertThat(comments(caseId)).isEmpty();
    assertThat(awaitTask(caseId, Task.TAKE_OWNERSHIP).getAssignee()).isNull();
    // nothing was recorded: the same activity, properly signed, is still taken as new
    assertThat(deliver(message, validToken()).getStatusCode().value()).isEqualTo(200);
    await().until(() -> comments(caseId).size() == 1);
    assertThat(comments(caseId).get(0).text()).isEqualTo("forged words");
  }

  @Test
  void teamsRefusals_areFailuresWithWhatTeamsSaid_andAShortRateLimitIsWaitedOut() {
    TEAMS.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).atPriority(1)
        .withRequestBody(containing("Refused by Teams"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": {\"code\": \"BotNotInConversationRoster\", \"message\": \"The bot is not part of the conversation roster.\"}}")));
    String refused = openSevACase("Refused by Teams").getBusinessKey();
    await().until(() -> thread.entries(refused).stream().anyMatch(e -> e.text().startsWith(
        "INTAKE_BROADCAST to TEAM by teams failed (attempt 1 of 3") && e.text().contains(
        "answered HTTP 403") && e.text().contains("BotNotInConversationRoster")));

    TEAMS.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).atPriority(1)
        .withRequestBody(containing("Throttled by Teams")).inScenario("limit").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("waited"));
    String limited = openSevACase("Throttled by Teams").getBusinessKey();
    teamsThreadOf(limited);
    assertThat(thread.entries(limited)).noneMatch(e -> e.text().contains("by teams failed"));
    assertThat(TEAMS.findAll(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
        .withRequestBody(containing("Throttled by Teams")))).hasSize(2);
  }
}
