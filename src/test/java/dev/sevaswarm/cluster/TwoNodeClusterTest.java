package dev.sevaswarm.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.recovery.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application JVMs on one fresh PostgreSQL database (Camunda's homogeneous cluster): cases
 * opened on both nodes, a task opened on one node completed on the other, every Teams card
 * delivered exactly once across the cluster, and a node killed with SIGKILL while it holds a job:
 * the survivor delivers it once the lock expires. Runs with {@code mvn -Ppostgres-checks test}
 * against the local PostgreSQL server (.ci/run does).
 */
@Tag("postgres")
class TwoNodeClusterTest {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private final ObjectMapper json = new ObjectMapper();

  private static void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private String open(AppProcess node, String title) throws Exception {
    String body = """
        {"externalId": "%s", "customer": "Contoso Retail", "contactName": "Kenji Sato",
         "contactEmail": "kenji.sato@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
         "title": "%s", "description": "Stores cannot open", "businessImpact": "300 million yen per half day"}
        """.formatted(UUID.randomUUID(), title);
    var answer = node.post("intake", "/api/cases", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json.readTree(answer.body()).get("caseId").asText();
  }

  private static long sentLines(AppProcess node, String caseId, String line) throws Exception {
    String body = node.get("auditor", "/api/cases/" + caseId).body();
    int count = 0;
    for (int i = body.indexOf(line); i >= 0; i = body.indexOf(line, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void twoNodesShareTheWork_deliverEachCardOnce_andSurviveAKilledNode() throws Exception {
    String database = "sevaswarm_cluster_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    sql("create database " + database);
    WireMockServer teams = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    teams.start();
    teams.stubFor(post(urlPathMatching("/teams/.*")).atPriority(10).willReturn(ok("1")));
    Path logs = Path.of("target", "cluster-test");
    Files.createDirectories(logs);
    List<String> environment = List.of("SPRING_PROFILES_ACTIVE=postgres,demo",
        "SPRING_DATASOURCE_URL=" + POSTGRES + database, "SPRING_DATASOURCE_USERNAME=postgres");
    try (AppProcess a = new AppProcess(Files.createTempDirectory("node-a"), logs.resolve("node-a.log"));
        AppProcess b = new AppProcess(Files.createTempDirectory("node-b"), logs.resolve("node-b.log"))) {
      a.start(environment, "swarm.broadcast.teams-webhook-url=" + teams.baseUrl() + "/teams/node-a",
          "camunda.bpm.job-execution.lock-time-in-millis=10000", "swarm.delivery.read-timeout=90s");
      b.start(environment, "swarm.broadcast.teams-webhook-url=" + teams.baseUrl() + "/teams/node-b",
          "camunda.bpm.job-execution.lock-time-in-millis=10000", "swarm.delivery.read-timeout=90s");

      // cases opened on both nodes
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        cases.add(open(a, "Cluster case A" + i));
        cases.add(open(b, "Cluster case B" + i));
      }
      // a task of a case opened on node A is completed on node B
      String fromA = cases.get(0);
      JsonNode task = json.readTree(b.get("eng-network", "/engine-rest/task?processInstanceBusinessKey=" + fromA
          + "&taskDefinitionKey=take-ownership").body()).get(0);
      assertThat(b.post("eng-network", "/engine-rest/task/" + task.get("id").asText() + "/claim",
          "{\"userId\":\"eng-network\"}").statusCode()).isEqualTo(204);
      assertThat(b.post("eng-network", "/engine-rest/task/" + task.get("id").asText() + "/complete",
          AppProcess.taskVariables(Var.FIRST_RESPONSE, "On it", Var.ISOLATION_AREAS, "network",
              Var.NEXT_CONTACT_AT, "2030-01-01T09:00:00Z")).statusCode()).isEqualTo(204);
      assertThat(json.readTree(a.get("auditor", "/api/cases/" + fromA).body()).get("owner").asText())
          .isEqualTo("eng-network");

      // every card exactly once across the cluster
      await().atMost(Duration.ofSeconds(60)).until(() -> cases.stream()
          .allMatch(id -> !teams.findAll(postRequestedFor(urlPathMatching("/teams/.*"))
              .withRequestBody(containing("/api/cases/" + id + "\""))).isEmpty()));
      for (String id : cases) {
        assertThat(teams.findAll(postRequestedFor(urlPathMatching("/teams/.*"))
            .withRequestBody(containing("/api/cases/" + id + "\"")).withRequestBody(containing("New Sev A case"))))
            .as(id).hasSize(1);
        await().until(() -> sentLines(a, id, "INTAKE_BROADCAST sent to TEAM by teams") == 1);
      }
      List<String> paths = teams.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).distinct().toList();
      assertThat(paths).as("both nodes delivered cards").contains("/teams/node-a", "/teams/node-b");

      // a node dies holding a job; the survivor delivers it after the lock expires
      String marker = "Hang " + UUID.randomUUID();
      StubMapping hang = teams.stubFor(post(urlPathMatching("/teams/.*")).atPriority(1)
          .withRequestBody(containing(marker)).willReturn(ok("1").withFixedDelay(120_000)));
      String hanging = open(b, marker);
      LoggedRequest held = await().atMost(Duration.ofSeconds(30)).until(() -> teams.findAll(
          postRequestedFor(urlPathMatching("/teams/.*")).withRequestBody(containing(marker))).stream()
          .findFirst().orElse(null), r -> r != null);
      boolean aHeldIt = held.getUrl().endsWith("node-a");
      AppProcess holder = aHeldIt ? a : b;
      AppProcess survivor = aHeldIt ? b : a;
      holder.kill();
      teams.removeStub(hang);

      await().atMost(Duration.ofSeconds(90)).until(() ->
          sentLines(survivor, hanging, "INTAKE_BROADCAST sent to TEAM by teams") == 1);
      assertThat(teams.findAll(postRequestedFor(urlPathMatching(aHeldIt ? "/teams/node-b" : "/teams/node-a"))
          .withRequestBody(containing(marker)))).as("the survivor's one delivery").hasSize(1);
    } finally {
      teams.stop();
      sql("drop database if exists " + database + " with (force)");
    }
  }
}
