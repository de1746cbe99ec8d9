package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Playbook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BinaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A process owner ships a new playbook version: running cases stay put, new ones take it, migration moves them. */
class PlaybookVersionsTest extends AppTestSupport {

  private static final String V2_NAME = "Take ownership and answer the customer";

  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate http;

  private ProcessInstance swarm(String caseId) {
    return await().until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).singleResult(), java.util.Objects::nonNull);
  }

  private void work(String caseId, String taskKey, String user, VariableMap variables) {
    org.camunda.bpm.engine.task.Task task = awaitTask(caseId, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      completeAsAPersonWould(task.getId(), variables);
      return null;
    });
  }

  /** What a process owner does in Modeler and then deploys: the whole playbook, with one change. */
  private void deployVersionTwo() throws IOException {
    deployPlaybook("playbook v2", (file, text) -> file.equals("sev-a-swarm.bpmn")
        ? text.replace("name=\"Take ownership and send first response\"", "name=\"" + V2_NAME + "\"") : text);
  }

  private void deployPlaybook(String name, BinaryOperator<String> edit) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(name);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:*.bpmn", "classpath*:*.dmn", "classpath*:*.form"}) {
      for (Resource resource : resolver.getResources(pattern)) {
        String text;
        try (InputStream in = resource.getInputStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        deployment.addString(resource.getFilename(), edit.apply(resource.getFilename(), text));
      }
    }
    assertThat(deployment.getResourceNames()).contains("sev-a-swarm.bpmn", "support-request.bpmn",
        "response-times.dmn", "take-ownership.form");
    deployment.deploy();
  }

  private ResponseEntity<JsonNode> migrate(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/playbook/migrations", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void runningCasesStayOnTheirVersion_newCasesTakeTheNewOne_migrationMovesAWaitingCase() throws IOException {
    String finishing = openSevACase("Versions: finishes on v1").getBusinessKey();
    String waiting = openSevACase("Versions: moved to v2").getBusinessKey();
    String v1 = swarm(waiting).getProcessDefinitionId();

    deployVersionTwo();
    ProcessDefinition v2 = repository.createProcessDefinitionQuery().processDefinitionKey(Playbook.Process.SEV_A_SWARM)
        .latestVersion().singleResult();
    assertThat(v2.getId()).isNotEqualTo(v1);

    String fresh = openSevACase("Versions: new on v2").getBusinessKey();
    assertThat(swarm(fresh).getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(awaitTask(fresh, Task.TAKE_OWNERSHIP).getName()).isEqualTo(fresh + " · " + V2_NAME + " · Contoso Retail · Versions: new on v2");

    String finishingSwarm = swarm(finishing).getId();
    work(finishing, Task.TAKE_OWNERSHIP, "eng-app", Variables.createVariables().putValue(Var.FIRST_RESPONSE, "On it")
        .putValue(Var.ISOLATION_AREAS, "application")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    work(finishing, Task.INVESTIGATE_AREA, "eng-app", Variables.createVariables().putValue(Var.FINDING, "Leak")
        .putValue(Var.VERDICT, "ROOT_CAUSE"));
    work(finishing, Task.CONFIRM_RESOLUTION, "eng-app", Variables.createVariables().putValue(Var.ROOT_CAUSE, "Leak")
        .putValue(Var.RESOLUTION, "Patched").putValue(Var.CUSTOMER_CONFIRMED, true));
    work(finishing, Task.POST_INCIDENT_REVIEW, "eng-app", Variables.createVariables().putValue(Var.SUMMARY, "Leak")
        .putValue(Var.ACTIONS, "Soak tests"));
    await().until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(finishingSwarm).finished()
        .count() == 1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finishingSwarm).singleResult()
        .getProcessDefinitionId()).as("finished on the version it started on").isEqualTo(v1);

    assertThat(migrate("eng-network", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> report = migrate("process-owner", "{}");
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody().get("migrated").findValuesAsText("caseId")).contains(waiting);
    assertThat(swarm(waiting).getProcessDefinitionId()).isEqualTo(v2.getId());
    // the waiting task moved with its case (a task keeps the name it was created with)
    assertThat(awaitTask(waiting, Task.TAKE_OWNERSHIP).getProcessDefinitionId()).isEqualTo(v2.getId());
  }

  @Test
  void aNewResponseTimesTable_isWhatTheApiPromisesAndWhatTheCaseKeeps() throws IOException {
    String rapidSevA = "<outputEntry id=\"Rule8_firstResponseMinutes\"><text>15</text></outputEntry>";
    try {
      deployPlaybook("Rapid Response answers Sev A in 10 minutes", (file, text) -> file.equals("response-times.dmn")
          ? text.replace(rapidSevA, rapidSevA.replace("15", "10")) : text);
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth("intake", "demo");
      headers.setContentType(MediaType.APPLICATION_JSON);
      String body = """
          {"externalId": "TABLE-V3-%d", "customer": "Contoso Retail", "contactName": "Kenji Sato",
           "contactEmail": "kenji.sato@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
           "title": "Stores cannot open", "description": "POS terminals down"}""".formatted(System.nanoTime());
      JsonNode opened = http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class)
          .getBody();

      java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(opened.get("firstResponseDue").asText());
      assertThat(due).isBetween(CaseClock.now().plusMinutes(9), CaseClock.now().plusMinutes(10));
      String caseId = opened.get("caseId").asText();
      String kept = await().until(() -> (String) runtime.getVariable(opened.get("processInstanceId").asText(),
          Var.FIRST_RESPONSE_DUE), java.util.Objects::nonNull);
      assertThat(java.time.OffsetDateTime.parse(kept)).as(caseId + ": the case's own decision").isEqualTo(due);
    } finally {
      deployPlaybook("the published response times again", (file, text) -> text);
    }
  }

  @Test
  void aCaseWaitingWhereTheNewVersionHasNoCounterpart_isReportedAndLeftAlone() {
    repository.createDeployment().addModelInstance("migration-probe.bpmn", Bpmn.createExecutableProcess("migration-probe")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Old").endEvent().done()).deploy();
    String instance = runtime.startProcessInstanceByKey("migration-probe", "PROBE-1").getId();
    repository.createDeployment().addModelInstance("migration-probe.bpmn", Bpmn.createExecutableProcess("migration-probe")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_New").endEvent().done()).deploy();

    JsonNode report = migrate("process-owner", "{\"processKeys\": [\"migration-probe\"]}").getBody();
    assertThat(report.get("migrated")).isEmpty();
    assertThat(report.get("notMigrated").get(0).get("processInstanceId").asText()).isEqualTo(instance);
    assertThat(report.get("notMigrated").get(0).get("reason").asText()).contains("Task_Old");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId()).contains("migration-probe:1");
  }
}
