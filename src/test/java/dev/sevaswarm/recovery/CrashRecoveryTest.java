package dev.sevaswarm.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The application is killed with SIGKILL while notifications are waiting to be delivered and is
 * started again on the same H2 file: every case and task is still there, and every pending
 * notification is delivered exactly once afterwards.
 */
class CrashRecoveryTest {

  private final ObjectMapper json = new ObjectMapper();

  private static String request(int i) {
    return """
        {"externalId": "CRASH-%s", "customer": "Contoso Retail %d", "contactName": "Kenji Sato",
         "contactEmail": "kenji.sato@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
         "title": "Crash test case %d", "description": "Stores cannot open", "businessImpact": "High"}
        """.formatted(UUID.randomUUID(), i, i);
  }

  private static final String CASE_JOBS = "/engine-rest/job/count?executable=true&processDefinitionKey=support-request";

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  @Test
  void answeredCasesCarryOnAfterAKill_andEveryNoticeIsDeliveredOnce() throws Exception {
    try (AppProcess app = AppProcess.fresh("crash")) {
      // the job executor is off: the notifications of these cases wait in the database
      app.start("camunda.bpm.job-execution.enabled=false");
      List<String> caseIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> created = app.post("intake", "/api/cases", request(i));
        assertThat(created.statusCode()).isEqualTo(201);
        caseIds.add(json.readTree(created.body()).get("caseId").asText());
      }
      // (the history cleanup job is executable too between 01:00 and 05:00: only the cases' jobs count)
      JsonNode pending = json.readTree(app.get("admin", CASE_JOBS).body());
      // each answered case waits at its save point after "Record case": swarm and notices are still to come
      assertThat(pending.get("count").asInt()).as("waiting jobs").isEqualTo(caseIds.size());
      assertThat(app.get("admin", "/mail").body()).contains("0 message(s)");

      app.kill();
      app.start();
      JsonNode swarm = json.readTree(app.get("admin", "/engine-rest/process-definition/key/sev-a-swarm").body());
      assertThat(swarm.get("version").asInt()).as("an unchanged playbook deploys no new version").isEqualTo(1);

      for (String caseId : caseIds) {
        JsonNode view = json.readTree(app.get("auditor", "/api/cases/" + caseId).body());
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        String ownership = "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=take-ownership";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> json.readTree(app.get("admin", ownership).body()).size() == 1);
      }
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
        String mail = app.get("admin", "/mail").body();
        return caseIds.stream().allMatch(id -> mail.contains("[" + id + "][Sev A] Sev A case for your account"));
      });
      Thread.sleep(2000); // a double delivery would show up by now: every job ran, and none is left
      for (String process : List.of("support-request", "sev-a-swarm", "case-notification")) {
        assertThat(json.readTree(app.get("admin", "/engine-rest/job/count?executable=true&processDefinitionKey="
            + process).body()).get("count").asInt()).as(process + " jobs left").isZero();
      }
      String mail = app.get("admin", "/mail").body();
      for (String caseId : caseIds) {
        assertThat(count(mail, "[" + caseId + "][Sev A] New Sev A case")).as(caseId + " broadcast").isEqualTo(1);
        assertThat(count(mail, "[" + caseId + "][Sev A] Sev A case for your account")).as(caseId + " sales")
            .isEqualTo(1);
        String timeline = app.get("auditor", "/api/cases/" + caseId).body();
        assertThat(count(timeline, "INTAKE_BROADCAST sent to TEAM by mail")).isEqualTo(1);
        assertThat(count(timeline, "SALES_NOTICE sent to SALES by mail")).isEqualTo(1);
      }
      assertThat(app.get("eng-network", "/mail").statusCode()).as("caught mail is for admins").isEqualTo(403);
    }
  }
}
