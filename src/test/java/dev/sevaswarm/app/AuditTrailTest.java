package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An auditor reads who did what and when in a whole Sev A case, as JSON and as CSV. */
class AuditTrailTest extends AppTestSupport {

  @Autowired TestRestTemplate http;

  private void work(String caseId, String taskKey, String group, String user, VariableMap variables) {
    org.camunda.bpm.engine.task.Task task = await().until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey)
        .or().taskCandidateGroup(group).taskAssignee(user).endOr().list().stream().findFirst().orElse(null),
        java.util.Objects::nonNull);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      completeAsAPersonWould(task.getId(), variables);
      return null;
    });
  }

  private static int indexOf(List<JsonNode> entries, String action, String elementId, String actor) {
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      if (e.get("action").asText().equals(action) && elementId.equals(e.get("elementId").asText(null))
          && (actor == null || actor.equals(e.get("actor").asText(null)))) {
        return i;
      }
    }
    throw new AssertionError("no '" + action + "' of " + elementId + " by " + actor + " in the audit");
  }

  private static String inert(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  private List<Map<String, String>> csvRows(String caseId) throws Exception {
    ResponseEntity<String> csv = http.withBasicAuth("auditor", "demo")
        .getForEntity("/api/cases/" + caseId + "/audit?format=csv", String.class);
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.getBody())) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void theCsvOpensInASpreadsheetWithoutFormulas_andItsTimesSortAsText() throws Exception {
    String caseId = openSevACase("=HYPERLINK(\"https://evil.example\",\"Open\")").getBusinessKey();
    work(caseId, Task.TAKE_OWNERSHIP, "sev-a-engineers", "eng-network", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "@SUM(1+1)*cmd|' /C calc'!A0").putValue(Var.ISOLATION_AREAS, "network")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    work(caseId, Task.INVESTIGATE_AREA, "network", "eng-network", Variables.createVariables()
        .putValue(Var.FINDING, "-2+3+cmd|' /C calc'!A0").putValue(Var.VERDICT, "RULED_OUT"));

    List<Map<String, String>> rows = csvRows(caseId);
    assertThat(rows).flatMap(Map::values).filteredOn(java.util.Objects::nonNull)
        .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    assertThat(rows).extracting(r -> r.get("details")).contains("'=HYPERLINK(\"https://evil.example\",\"Open\")");

    List<String> times = rows.stream().map(r -> r.get("time")).toList();
    assertThat(times).allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    assertThat(times).isSortedAccordingTo(String::compareTo);
  }

  @Test
  void aWholeSevACase_isOnTheRecordWithEveryoneWhoActed() throws Exception {
    String caseId = openSevACase("Audit: stores cannot open").getBusinessKey();
    work(caseId, Task.TAKE_OWNERSHIP, "sev-a-engineers", "eng-network", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "We are on it").putValue(Var.ISOLATION_AREAS, "network,storage")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusSeconds(1))));
    work(caseId, Task.INVESTIGATE_AREA, "network", "eng-network", Variables.createVariables()
        .putValue(Var.FINDING, "Firewall is clean").putValue(Var.VERDICT, "RULED_OUT"));
    work(caseId, Task.UPDATE_CUSTOMER, "sev-a-engineers", "eng-network", Variables.createVariables()
        .putValue(Var.UPDATE_TEXT, "Network ruled out, storage next")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    work(caseId, Task.INVESTIGATE_AREA, "storage", "eng-storage", Variables.createVariables()
        .putValue(Var.FINDING, "Datastore full").putValue(Var.VERDICT, "ROOT_CAUSE"));
    work(caseId, Task.CONFIRM_RESOLUTION, "sev-a-engineers", "eng-network", Variables.createVariables()
        .putValue(Var.ROOT_CAUSE, "Datastore full").putValue(Var.RESOLUTION, "Expanded the datastore")
        .putValue(Var.CUSTOMER_CONFIRMED, true));
    awaitTask(caseId, Task.POST_INCIDENT_REVIEW);
    await().until(() -> http.withBasicAuth("auditor", "demo").getForObject("/api/cases/" + caseId, JsonNode.class)
        .get("timeline").findValuesAsText("text").stream().anyMatch(t -> t.startsWith("CLOSURE sent to CUSTOMER")));

    // every notification of the case delivered, so the reading is the trail's last line
    await().until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(dev.sevaswarm.cases.Playbook.Process.CASE_NOTIFICATION).count() == 0);
    ResponseEntity<JsonNode> json = http.withBasicAuth("auditor", "demo")
        .getForEntity("/api/cases/" + caseId + "/audit", JsonNode.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> entries = new ArrayList<>();
    json.getBody().get("entries").forEach(entries::add);

    int opened = indexOf(entries, "process started", "support-request", "intake");
    int claimed = indexOf(entries, "assignee added", Task.TAKE_OWNERSHIP, "eng-network");
    int owned = indexOf(entries, "task completed", Task.TAKE_OWNERSHIP, "eng-network");
    int ruledOut = indexOf(entries, "task completed", Task.INVESTIGATE_AREA, "eng-network");
    int updated = indexOf(entries, "task completed", Task.UPDATE_CUSTOMER, "eng-network");
    int rootCause = indexOf(entries, "task completed", Task.INVESTIGATE_AREA, "eng-storage");
    int resolved = indexOf(entries, "task completed", Task.CONFIRM_RESOLUTION, "eng-network");
    assertThat(List.of(opened, claimed, owned, ruledOut, updated, rootCause, resolved)).isSorted();
    int rootCauseFlag = indexOf(entries, "variable changed", Var.ROOT_CAUSE_FOUND, "eng-storage");
    assertThat(entries.get(rootCauseFlag).get("details").asText()).isEqualTo("false → true");
    assertThat(indexOf(entries, "operation Claim", "assignee", "eng-storage")).isLessThan(rootCause);
    assertThat(indexOf(entries, "step completed", "ServiceTask_BroadcastToTeam", null)).isGreaterThan(opened);
    assertThat(entries).anyMatch(e -> e.get("action").asText().equals("notification")
        && e.get("details").asText().startsWith("FIRST_RESPONSE sent to CUSTOMER by mail"));
    assertThat(entries).anyMatch(e -> e.get("action").asText().equals("thread FINDING")
        && "eng-storage".equals(e.get("actor").asText(null)) && e.get("details").asText().contains("Datastore full"));
    JsonNode lastEntry = entries.get(entries.size() - 1);
    assertThat(lastEntry.get("action").asText()).as("reading it is logged").isEqualTo("audit read");
    assertThat(lastEntry.get("actor").asText()).isEqualTo("auditor");
    for (int i = 1; i < entries.size(); i++) {
      assertThat(java.time.OffsetDateTime.parse(entries.get(i).get("time").asText())).as("time-ordered")
          .isAfterOrEqualTo(java.time.OffsetDateTime.parse(entries.get(i - 1).get("time").asText()));
    }

    ResponseEntity<String> csv = http.withBasicAuth("duty-manager", "demo")
        .getForEntity("/api/cases/" + caseId + "/audit?format=csv", String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.getBody())) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(entries.size() + 1); // plus the duty manager's own reading
    for (int i = 0; i < entries.size(); i++) {
      assertThat(rows.get(i).get("action")).isEqualTo(entries.get(i).get("action").asText());
      assertThat(rows.get(i).get("actor")).isEqualTo(entries.get(i).get("actor").asText(""));
      assertThat(rows.get(i).get("details")).isEqualTo(inert(entries.get(i).get("details").asText("")));
      assertThat(rows.get(i).get("time")).isEqualTo(entries.get(i).get("time").asText());
    }

    assertThat(http.withBasicAuth("eng-network", "demo").getForEntity("/api/cases/" + caseId + "/audit",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("account-manager", "demo").getForEntity("/api/cases/" + caseId + "/audit",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
