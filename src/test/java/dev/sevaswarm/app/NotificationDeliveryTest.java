package dev.sevaswarm.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadEntry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Notifications against real peers: WireMock as the Teams and Slack webhooks, GreenMail as the
 * SMTP server, the job executor on. A failing channel is retried, becomes an incident after the
 * last retry, is sent by an operator's retry, and is never sent twice.
 */
class NotificationDeliveryTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired CaseThread thread;
  @Autowired ManagementService management;
  @Autowired dev.sevaswarm.notify.SmtpConnections smtpConnections;
  @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;
  @Autowired io.micrometer.core.instrument.MeterRegistry metrics;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired dev.sevaswarm.cases.CaseRepository cases;
  @Autowired javax.sql.DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();

  private String openSevA(String title) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = """
        {"externalId": "%s", "customer": "Contoso Retail", "contactName": "佐藤 健二",
         "contactEmail": "kenji.sato@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
         "title": "%s", "description": "Every POS terminal fails",
         "businessImpact": "店舗が開けられない", "recoverBy": "2026-11-29T06:00:00+09:00", "services": ["pos"]}
        """.formatted(UUID.randomUUID(), title);
    return http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class)
        .getBody().get("caseId").asText();
  }

  private List<LoggedRequest> webhookCalls(String channel, String marker) {
    return WEBHOOKS.findAll(postRequestedFor(urlPathMatching("/" + channel + "/.*"))
        .withRequestBody(containing(marker)));
  }

  private long threadLines(String caseId, String text) {
    return thread.entries(caseId).stream().map(ThreadEntry::text).filter(t -> t.startsWith(text)).count();
  }

  private List<Incident> incidentsOf(String caseId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.CASE_NOTIFICATION).list().stream()
        .flatMap(p -> runtime.createIncidentQuery().processInstanceId(p.getId()).list().stream())
        .toList();
  }

  private void operatorRetries(Incident incident) {
    management.setJobRetries(incident.getConfiguration(), 1);
  }

  @Test
  void startUpRehearsal_ranAndLeftNoCaseNoNumberAndNoMessageBehind() throws Exception {
    assertThat(metrics.find("swarm_startup_rehearsal").timer()).as("rehearsed once at start-up").isNotNull()
        .extracting(io.micrometer.core.instrument.Timer::count).isEqualTo(1L);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("SW-0%").count()).isZero();
    assertThat(cases.find("SW-00")).isEmpty();
    assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
        "select count(*) from support_case where title = 'Rehearsal'", Integer.class)).isZero();
    assertThat(WEBHOOKS.findAll(postRequestedFor(urlPathMatching("/.*")).withRequestBody(containing("Rehearsal"))))
        .isEmpty();
    assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    })).noneMatch(subject -> subject.contains("Rehearsal"));
  }

  @Test
  void intakeBroadcast_reachesTeamsSlackAndTheLists_asTheirFormatsExpect() throws Exception {
    String caseId = openSevA("Payload check");

    await().until(() -> webhookCalls("teams", caseId).size() == 1 && webhookCalls("slack", caseId).size() == 1);
    JsonNode teams = json.readTree(webhookCalls("teams", caseId).get(0).getBodyAsString());
    assertThat(teams.get("type").asText()).isEqualTo("message");
    JsonNode attachment = teams.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("body").get(0).get("text").asText())
        .as("Markdown punctuation is escaped, so Teams shows it as text")
        .isEqualTo("\\[" + caseId + "\\]\\[Sev A\\] New Sev A case: Payload check");
    JsonNode facts = card.get("body").get(1).get("facts");
    assertThat(facts.findValuesAsText("title")).contains("Customer", "Severity", "Business impact", "Recover by",
        "First response due");
    assertThat(facts.findValuesAsText("value")).contains("Contoso Retail", "店舗が開けられない")
        .anyMatch(v -> v.matches("\\d{4}-.*") && java.time.OffsetDateTime.parse(v).toInstant()
            .equals(java.time.Instant.parse("2026-11-28T21:00:00Z")));
    assertThat(facts.findValuesAsText("title")).doesNotHaveDuplicates();
    assertThat(card.get("actions").findValuesAsText("url")).anyMatch(u -> u.endsWith("/api/cases/" + caseId))
        .anyMatch(u -> u.contains("/camunda/app/tasklist/") && u.contains(caseId));

    JsonNode slack = json.readTree(webhookCalls("slack", caseId).get(0).getBodyAsString());
    assertThat(slack.get("text").asText()).startsWith("[" + caseId + "][Sev A]");
    assertThat(slack.get("blocks").findValuesAsText("type")).contains("header", "section", "actions", "button");
    assertThat(slack.toString()).contains("*Business impact*\\n店舗が開けられない");

    await().until(() -> mailAbout(caseId).size() == 2);
    for (MimeMessage mail : mailAbout(caseId)) {
      assertThat(mail.getContentType()).startsWith("multipart/mixed");
      assertThat(part(mail, "text/plain")).contains("Business impact: 店舗が開けられない");
      assertThat(part(mail, "text/html")).contains("店舗が開けられない").contains("<table");
    }
    assertThat(mailAbout(caseId)).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("sev-a-team@demo.sevaswarm.dev", "account-team@demo.sevaswarm.dev");
    await().until(() -> threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by teams") == 1
        && threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by slack") == 1
        && threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by mail") == 1
        && threadLines(caseId, "SALES_NOTICE sent to SALES by mail") == 1);
  }

  @Test
  void theChannelsOfOneStepsEvents_goOutSideBySide_fromOneDeliveryJob() {
    String marker = "Slow Slack " + UUID.randomUUID();
    StubMapping slow = WEBHOOKS.stubFor(post(urlPathEqualTo("/slack/hook-secret")).atPriority(1)
        .withRequestBody(containing(marker)).willReturn(ok("1").withFixedDelay(800)));
    try {
      String caseId = openSevA(marker);

      await().until(() -> threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by slack") == 1
          && threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by teams") == 1
          && threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by mail") == 1);
      long teamsAt = webhookCalls("teams", marker).get(0).getLoggedDate().getTime();
      long slackAt = webhookCalls("slack", marker).get(0).getLoggedDate().getTime();
      assertThat(Math.abs(teamsAt - slackAt)).as("neither waited for the other's answer (0.8 s)").isLessThan(600);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
          .processDefinitionKey(Playbook.Process.CASE_NOTIFICATION).list())
          .as("the broadcast and the sales notice, published by one step: one delivery instance").hasSize(1);
    } finally {
      WEBHOOKS.removeStub(slow);
    }
  }

  @Test
  void aSlowPeer_doesNotHoldBackTheCasesOwnerTask() {
    String marker = "Slow peer " + UUID.randomUUID();
    int slackTakes = 800;
    StubMapping slow = WEBHOOKS.stubFor(post(urlPathEqualTo("/slack/hook-secret")).atPriority(1)
        .withRequestBody(containing(marker)).willReturn(ok("1").withFixedDelay(slackTakes)));
    try {
      String caseId = openSevA(marker);

      java.util.Date taskMade = awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP).getCreateTime();
      java.util.Date slackAsked = await().until(() -> webhookCalls("slack", marker), calls -> !calls.isEmpty())
          .get(0).getLoggedDate();
      assertThat(taskMade).as("the owner task was made while the broadcast still waited for Slack's answer")
          .isBefore(new java.util.Date(slackAsked.getTime() + slackTakes));
      await().until(() -> threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by slack") == 1);
    } finally {
      WEBHOOKS.removeStub(slow);
    }
  }

  @Test
  void aWebhookFailingOnce_isRetriedAndDeliveredOnce() {
    String marker = "Flaky " + UUID.randomUUID();
    String scenario = "flaky-" + marker;
    WEBHOOKS.stubFor(post(urlPathEqualTo("/teams/hook-secret")).atPriority(1).withRequestBody(containing(marker))
        .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(serverError().withBody("Teams is having a moment")).willSetStateTo("recovered"));
    WEBHOOKS.stubFor(post(urlPathEqualTo("/teams/hook-secret")).atPriority(1).withRequestBody(containing(marker))
        .inScenario(scenario).whenScenarioStateIs("recovered").willReturn(ok("1")));

    String caseId = openSevA(marker);

    await().until(() -> threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by teams") == 1);
    assertThat(webhookCalls("teams", marker)).hasSize(2);
    assertThat(thread.entries(caseId)).map(ThreadEntry::text).filteredOn(t -> t.startsWith(
        "INTAKE_BROADCAST to TEAM by teams failed (attempt 1 of 3, next attempt at "))
        .singleElement().asString().endsWith("): Webhook localhost answered 500: Teams is having a moment");
    assertThat(webhookCalls("slack", marker)).as("the other channel was not repeated").hasSize(1);
    assertThat(incidentsOf(caseId)).isEmpty();
  }

  @Test
  void aWebhookThatKeepsFailing_isTriedOnTheRetryCycle_andTheThreadSaysWhenItGivesUp() {
    String marker = "Down " + UUID.randomUUID();
    StubMapping down = WEBHOOKS.stubFor(post(urlPathEqualTo("/teams/hook-secret")).atPriority(1)
        .withRequestBody(containing(marker)).willReturn(serverError().withBody("down")));
    try {
      String caseId = openSevA(marker);
      await().atMost(Duration.ofSeconds(40)).until(() -> !incidentsOf(caseId).isEmpty());

      List<java.util.Date> attempts = webhookCalls("teams", marker).stream().map(LoggedRequest::getLoggedDate)
          .sorted().toList();
      assertThat(attempts).hasSize(3);
      for (int i = 1; i < attempts.size(); i++) {
        assertThat(attempts.get(i).getTime() - attempts.get(i - 1).getTime())
            .as("attempts follow swarm.delivery.retry-cycle R3/PT1S").isGreaterThanOrEqualTo(900);
      }
      List<String> failures = thread.entries(caseId).stream().map(ThreadEntry::text)
          .filter(t -> t.startsWith("INTAKE_BROADCAST to TEAM by teams failed")).toList();
      assertThat(failures).hasSize(3);
      assertThat(failures.get(0)).contains("(attempt 1 of 3, next attempt at ");
      assertThat(failures.get(1)).contains("(attempt 2 of 3, next attempt at ");
      assertThat(failures.get(2)).contains("(attempt 3 of 3, gave up: an incident waits for an operator's retry");
    } finally {
      WEBHOOKS.removeStub(down);
    }
  }

  @Test
  void aHangingWebhook_timesOutBecomesAnIncident_andTheOperatorsRetrySendsIt() {
    String marker = "Hanging " + UUID.randomUUID();
    StubMapping hang = WEBHOOKS.stubFor(post(urlPathEqualTo("/slack/hook-secret")).atPriority(1)
        .withRequestBody(containing(marker)).willReturn(ok("1").withFixedDelay(3000)));
    String caseId = openSevA(marker);

    Incident incident = await().atMost(Duration.ofSeconds(40))
        .until(() -> incidentsOf(caseId).stream().findFirst().orElse(null), i -> i != null);
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_DeliverNotification");
    assertThat(incident.getIncidentMessage()).as("the incident names the channel that failed, not the others")
        .startsWith("slack to TEAM (INTAKE_BROADCAST) failed: ").contains("did not answer within").doesNotContain("teams");
    assertThat(threadLines(caseId, "INTAKE_BROADCAST to TEAM by slack failed")).isEqualTo(3);
    assertThat(threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by teams")).as("Teams unaffected").isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).count()).as("the case goes on").isEqualTo(1);

    WEBHOOKS.removeStub(hang);
    operatorRetries(incident);
    await().until(() -> threadLines(caseId, "INTAKE_BROADCAST sent to TEAM by slack") == 1);
    await().until(() -> incidentsOf(caseId).isEmpty());
  }

  @Test
  void smtpDown_becomesAnIncident_andAfterItIsBackTheRetrySendsOneMail() {
    await().until(() -> management.createJobQuery().messages().executable().count() == 0);
    SMTP.stop();
    String caseId;
    try {
      caseId = as("intake", () -> runtime.startProcessInstanceByKey(Playbook.Process.SUPPORT_REQUEST,
          Variables.createVariables().putValue(Var.CUSTOMER, "Fabrikam").putValue(Var.CONTACT_NAME, "Ana")
              .putValue(Var.CONTACT_EMAIL, "ana@fabrikam.example").putValue(Var.SEVERITY, "B")
              .putValue(Var.PLAN, "BASIC").putValue(Var.TITLE, "Invoice export fails")
              .putValue(Var.DESCRIPTION, "CSV export times out"))).getBusinessKey();
      Incident incident = await().atMost(Duration.ofSeconds(40))
          .until(() -> incidentsOf(caseId).stream().findFirst().orElse(null), i -> i != null);
      assertThat(threadLines(caseId, "DECLINED to CUSTOMER by mail failed")).isEqualTo(3);
      SMTP.start();
      operatorRetries(incident);
    } finally {
      if (!SMTP.isRunning()) {
        SMTP.start();
      }
    }
    await().until(() -> mailAbout(caseId).size() == 1);
    await().until(() -> incidentsOf(caseId).isEmpty());
    assertThat(threadLines(caseId, "DECLINED sent to CUSTOMER by mail (ana@fabrikam.example)")).isEqualTo(1);
  }

  @Test
  void mailsFromOneThread_shareOneSmtpConnection_andOneTheServerDroppedIsReplacedWithoutAFailedMail() throws Exception {
    await().until(() -> management.createJobQuery().messages().executable().count() == 0);
    io.micrometer.core.instrument.Counter opened = metrics.find("swarm_smtp_connections_opened").counter();
    double before = opened.count();
    String subject = "Kept connection " + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      smtpConnections.send(mail(subject + " " + i));
    }
    assertThat(opened.count() - before).as("three mails, one connection").isEqualTo(1);
    await().until(() -> mailsWithSubject(subject).size() == 3);

    SMTP.stop(); // the server goes away and comes back: the kept connection is dead
    SMTP.start();
    smtpConnections.send(mail(subject + " after the restart"));
    assertThat(opened.count() - before).as("replaced once, and the mail went out").isEqualTo(2);
    await().until(() -> mailsWithSubject(subject).size() == 1);
  }

  private MimeMessage mail(String subject) throws Exception {
    MimeMessage mail = mailSender.createMimeMessage();
    var helper = new org.springframework.mail.javamail.MimeMessageHelper(mail, true, "UTF-8");
    helper.setFrom("sev-a-swarm@localhost");
    helper.setTo("team@contoso.example");
    helper.setSubject(subject);
    helper.setText("text", "<p>html</p>");
    return mail;
  }

  private static List<MimeMessage> mailsWithSubject(String prefix) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().startsWith(prefix);
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }
}
