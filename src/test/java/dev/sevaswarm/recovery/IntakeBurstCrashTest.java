package dev.sevaswarm.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL in the middle of a burst of 50 intakes on the embedded H2 file database: every case
 * that was answered 201 before the kill is there after the restart, with its process instance.
 */
class IntakeBurstCrashTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyCaseAnswered201BeforeTheKill_survivesIt() throws Exception {
    try (AppProcess app = AppProcess.fresh("burst")) {
      app.start();
      Map<String, String> answered = new ConcurrentHashMap<>(); // externalId -> caseId
      CountDownLatch tenAnswered = new CountDownLatch(10);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String externalId = "BURST-" + i + "-" + UUID.randomUUID();
        String body = """
            {"externalId": "%s", "customer": "Contoso", "contactName": "Kenji", "contactEmail": "kenji@contoso.example",
             "severity": "A", "plan": "RAPID_RESPONSE", "title": "Burst %d", "description": "Stores down"}
            """.formatted(externalId, i);
        calls.add(clients.submit(() -> {
          try {
            HttpResponse<String> answer = app.post("intake", "/api/cases", body);
            if (answer.statusCode() == 201) {
              answered.put(externalId, json.readTree(answer.body()).get("caseId").asText());
              tenAnswered.countDown();
            }
          } catch (Exception connectionLost) {
            // the kill: this request was not answered, so it promised nothing
          }
          return null;
        }));
      }
      tenAnswered.await();
      app.kill();
      for (Future<?> call : calls) {
        call.get();
      }
      clients.shutdown();
      Map<String, String> promised = Map.copyOf(answered);
      assertThat(promised.size()).as("answered before the kill").isBetween(10, 49);

      app.start();
      for (Map.Entry<String, String> promise : promised.entrySet()) {
        HttpResponse<String> found = app.get("auditor", "/api/cases/" + promise.getValue());
        assertThat(found.statusCode()).as(promise.getValue()).isEqualTo(200);
        JsonNode view = json.readTree(found.body());
        assertThat(view.get("externalId").asText()).isEqualTo(promise.getKey());
        JsonNode instance = json.readTree(app.get("admin", "/engine-rest/process-instance/"
            + view.get("processInstanceId").asText()).body());
        assertThat(instance.get("businessKey").asText()).isEqualTo(promise.getValue());
      }
    }
  }

  /**
   * What the burst cannot show for sure (whether the database lost a case within its half second),
   * shown on purpose: a journal line whose case the database does not have opens that case on
   * start-up, under its number, arrival time, caller and playbook, and new cases are numbered after it.
   */
  @Test
  void aCaseTheDatabaseLost_isOpenedAgainFromTheIntakeJournal_andNewCasesAreNumberedAfterIt() throws Exception {
    try (AppProcess app = AppProcess.fresh("journal")) {
      app.start();
      String playbook = json.readTree(app.get("admin", "/engine-rest/process-definition/key/support-request").body())
          .get("id").asText();
      app.kill();
      String externalId = "LOST-" + UUID.randomUUID();
      Path journal = app.dataDir().resolve("sev-a-swarm.intake-journal.7");
      Files.writeString(journal, """
          {"caseId": "SW-1500", "received": "2026-12-06T09:58:07.125+09:00", "userId": "intake",
           "groups": ["support-intake"], "playbook": "%s",
           "request": {"externalId": "%s", "customer": "Contoso", "contactName": "Kenji",
             "contactEmail": "kenji@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
             "title": "Stores down", "description": "Every POS fails", "recoverBy": "2026-12-06T18:00:00+09:00",
             "services": ["pos"], "locale": "ja", "timeZone": "Asia/Tokyo"}}
          """.formatted(playbook, externalId).replace("\n", " ").strip() + "\n{\"caseId\": \"SW-15");

      app.start();
      JsonNode lost = json.readTree(app.get("auditor", "/api/cases/SW-1500").body());
      assertThat(lost.get("externalId").asText()).isEqualTo(externalId);
      assertThat(OffsetDateTime.parse(lost.get("createdAt").asText()))
          .isAtSameInstantAs(OffsetDateTime.parse("2026-12-06T09:58:07.125+09:00"));
      assertThat(OffsetDateTime.parse(lost.get("recoverBy").asText()))
          .isAtSameInstantAs(OffsetDateTime.parse("2026-12-06T18:00:00+09:00"));
      JsonNode instance = json.readTree(app.get("admin", "/engine-rest/history/process-instance/"
          + lost.get("processInstanceId").asText()).body());
      assertThat(instance.get("businessKey").asText()).isEqualTo("SW-1500");
      assertThat(instance.get("startUserId").asText()).as("opened as the one who sent it").isEqualTo("intake");
      assertThat(journal).as("sealed once the database has the case").doesNotExist();

      HttpResponse<String> next = app.post("intake", "/api/cases", """
          {"externalId": "AFTER-%s", "customer": "Contoso", "contactName": "Kenji", "contactEmail": "kenji@contoso.example",
           "severity": "B", "plan": "RAPID_RESPONSE", "title": "Reports slow", "description": "Slow"}
          """.formatted(UUID.randomUUID()));
      assertThat(next.statusCode()).isEqualTo(201);
      assertThat(json.readTree(next.body()).get("caseId").asText()).isEqualTo("SW-1501");
      // the new case's line went to the next file, which is sealed within the interval (an unwritten
      // file stays): the database has the case on disk, and the file goes
      Path written = journal.resolveSibling("sev-a-swarm.intake-journal.8");
      await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(written));
      assertThat(journal.resolveSibling("sev-a-swarm.intake-journal.9")).as("lines go to the next file").exists();
      app.kill();
    }
  }
}
