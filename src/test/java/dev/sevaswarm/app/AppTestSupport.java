package dev.sevaswarm.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Playbook;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application as it runs: web server on a random port, job executor on, demo users,
 * mail sent over SMTP to a real GreenMail server. All application tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:app-tests;DB_CLOSE_DELAY=-1",
    "swarm.mail.embedded=false",
    "spring.mail.host=127.0.0.1",
    // failures are retried quickly, and a webhook that hangs for more than a second has failed
    "swarm.delivery.retry-cycle=R3/PT1S",
    "swarm.delivery.read-timeout=1s",
    // and is asked again by the next attempt (PeerPauseTest shows the pause itself)
    "swarm.delivery.pause-after-timeout=500ms",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
    // who is on shift must not depend on the hour the suite runs: each test makes the profiles it needs
    "swarm.people.demo-profiles=false",
})
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
public abstract class AppTestSupport {

  /** One SMTP server for the whole test JVM; tests tell their mail apart by case id. */
  protected static final GreenMail SMTP = startSmtp();

  /** Teams and Slack incoming webhooks; they accept everything unless a test says otherwise. */
  protected static final WireMockServer WEBHOOKS = startWebhooks();

  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected IdentityService identity;
  @LocalServerPort protected int port;

  private static GreenMail startSmtp() {
    // a fixed port, so that a test can stop the server and start it again where the app expects it
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
    return smtp;
  }

  private static WireMockServer startWebhooks() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    server.stubFor(WireMock.post(WireMock.urlPathMatching("/(teams|slack)/.*")).atPriority(10)
        .willReturn(WireMock.ok("1")));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("swarm.broadcast.teams-webhook-url", () -> WEBHOOKS.baseUrl() + "/teams/hook-secret");
    registry.add("swarm.broadcast.slack-webhook-url", () -> WEBHOOKS.baseUrl() + "/slack/hook-secret");
  }

  static {
    Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
  }

  /** The mail the SMTP server received about a case (its subject starts with the case id). */
  protected static java.util.List<jakarta.mail.internet.MimeMessage> mailAbout(String caseId) {
    return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().startsWith("[" + caseId + "]");
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The text/plain or text/html part of a received mail. */
  protected static String part(jakarta.mail.Part message, String mimeType) throws Exception {
    if (message.isMimeType(mimeType)) {
      return (String) message.getContent();
    }
    if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected <T> T as(String user, java.util.function.Supplier<T> action) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  protected ProcessInstance openSevACase(String title) {
    VariableMap request = Variables.createVariables()
        .putValue(Var.CUSTOMER, "Contoso Retail")
        .putValue(Var.CONTACT_NAME, "佐藤 健二")
        .putValue(Var.CONTACT_EMAIL, "kenji.sato@contoso.example")
        .putValue(Var.SEVERITY, "A")
        .putValue(Var.PLAN, "RAPID_RESPONSE")
        .putValue(Var.TITLE, title)
        .putValue(Var.DESCRIPTION, "Every POS terminal fails to reach the payment service")
        .putValue(Var.BUSINESS_IMPACT, "店舗が開けられない: half a day costs 300 million yen")
        .putValue(Var.SERVICES, "pos, payments");
    return as("intake", () -> runtime.startProcessInstanceByKey(Playbook.Process.SUPPORT_REQUEST, request));
  }

  /**
   * Completes a task, and completes it again when it collided with the case's own jobs finishing
   * at that very moment, as a person in Tasklist would.
   */
  protected void completeAsAPersonWould(String taskId, java.util.Map<String, Object> variables) {
    againAsAPersonWould(() -> tasks.complete(taskId, variables));
  }

  /**
   * Does a step on a task, and does it again when it collided with the case's own jobs finishing at
   * that very moment ("updated by another transaction", or the engine's other word for the same
   * collision, ENGINE-03077 "cannot resolve parent ... deleted in the meantime").
   */
  protected void againAsAPersonWould(Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (org.camunda.bpm.engine.OptimisticLockingException collided) {
        if (attempt == 3) {
          throw collided;
        }
      } catch (org.camunda.bpm.engine.ProcessEngineException collided) {
        if (attempt == 3 || collided.getMessage() == null || !collided.getMessage().startsWith("ENGINE-03077")) {
          throw collided;
        }
      }
    }
  }

  /**
   * The user takes ownership of the case (claims and completes its first step, answering the
   * customer, picking the areas, promising the next contact in 45 minutes, plus the extra fields)
   * and the case's investigations appear.
   */
  protected void takeOwnership(String caseId, String user, VariableMap extra, String... areas) {
    Task take = awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP);
    VariableMap ownership = Variables.createVariables().putValue(Var.FIRST_RESPONSE, "On it")
        .putValueTyped(Var.ISOLATION_AREAS, org.camunda.spin.plugin.variable.SpinValues
            .jsonValue("[\"" + String.join("\",\"", areas) + "\"]").create())
        .putValue(Var.NEXT_CONTACT_AT, dev.sevaswarm.cases.CaseClock.format(
            dev.sevaswarm.cases.CaseClock.now().plusMinutes(45)));
    ownership.putAll(extra);
    as(user, () -> {
      againAsAPersonWould(() -> {
        if (!user.equals(tasks.createTaskQuery().taskId(take.getId()).singleResult().getAssignee())) {
          tasks.claim(take.getId(), user);
        }
      });
      completeAsAPersonWould(take.getId(), ownership);
      return null;
    });
    Awaitility.await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Playbook.Task.INVESTIGATE_AREA).count() >= areas.length);
  }

  protected Task awaitTask(String businessKey, String taskKey) {
    return Awaitility.await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list().stream().findFirst().orElse(null), java.util.Objects::nonNull);
  }
}
