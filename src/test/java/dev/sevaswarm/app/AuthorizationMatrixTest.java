package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Each demo role against each action, through the doors people really use: the case API and the
 * engine REST API that Tasklist and Cockpit build on. Allowed means a 2xx answer (or data in it);
 * refused means 403 or, for queries, nothing visible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends AppTestSupport {

  private static final List<String> AREAS = List.of("platform", "storage", "network", "guest-os", "application");

  @Autowired TestRestTemplate http;
  private String caseId;

  @BeforeAll
  void aSevACaseUnderInvestigationInEveryArea() {
    caseId = openSevACase("Authorization matrix").getBusinessKey();
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    as("eng-app", () -> {
      tasks.claim(take.getId(), "eng-app");
      completeAsAPersonWould(take.getId(), Variables.createVariables()
          .putValue(Var.FIRST_RESPONSE, "On it").putValue(Var.ISOLATION_AREAS, String.join(",", AREAS))
          .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(2))));
      return null;
    });
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Task.INVESTIGATE_AREA).count() == AREAS.size());
  }

  private int status(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(type);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
  }

  private JsonNode get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
  }

  private String investigationOf(String area) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup(area).includeAssignedTasks().singleResult().getId();
  }

  @ParameterizedTest(name = "{0} opens a case: {1}")
  @CsvSource({
      "intake, true", "eng-platform, true", "eng-storage, true", "eng-network, true", "eng-os, true",
      "eng-app, true", "admin, true",
      "duty-manager, false", "account-manager, false", "process-owner, false", "auditor, false"})
  void openCase(String user, boolean allowed) {
    String body = "{\"externalId\":\"AUTHZ-" + user + "-" + System.nanoTime() + "\",\"customer\":\"Contoso\","
        + "\"contactName\":\"Kenji\",\"contactEmail\":\"kenji@contoso.example\",\"severity\":\"C\","
        + "\"plan\":\"STANDARD\",\"title\":\"Slow reports\",\"description\":\"Reports take minutes\"}";
    int status = status(user, HttpMethod.POST, "/api/cases", body, MediaType.APPLICATION_JSON);
    assertThat(status).isEqualTo(allowed ? 201 : 403);
  }

  @ParameterizedTest(name = "{0} reads the case")
  @CsvSource({"intake", "eng-platform", "eng-storage", "eng-network", "eng-os", "eng-app", "duty-manager",
      "account-manager", "process-owner", "auditor", "admin"})
  void readCase(String user) {
    assertThat(get(user, "/api/cases/" + caseId).get("caseId").asText()).isEqualTo(caseId);
  }

  @ParameterizedTest(name = "{0} reads the audit trail: {1}")
  @CsvSource({"auditor, true", "duty-manager, true", "admin, true", "eng-network, false", "intake, false",
      "account-manager, false", "process-owner, false"})
  void readAudit(String user, boolean allowed) {
    assertThat(status(user, HttpMethod.GET, "/api/cases/" + caseId + "/audit", null, MediaType.APPLICATION_JSON))
        .isEqualTo(allowed ? 200 : 403);
  }

  @ParameterizedTest(name = "{0} claims and completes the {1} investigation: {2}")
  @CsvSource({
      "eng-storage, network, false", "eng-network, storage, false", "eng-os, platform, false",
      "eng-platform, application, false", "eng-app, guest-os, false",
      "auditor, storage, false", "account-manager, network, false", "intake, platform, false",
      "process-owner, application, false",
      "eng-platform, platform, true", "eng-storage, storage, true", "eng-network, network, true",
      "eng-os, guest-os, true", "eng-app, application, true"})
  void workAnAreasTask(String user, String area, boolean allowed) {
    String task = investigationOf(area);
    int claim = status(user, HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
        "{\"userId\":\"" + user + "\"}", MediaType.APPLICATION_JSON);
    assertThat(claim).as("claim").isEqualTo(allowed ? 204 : 403);
    if (!allowed) {
      assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
      return;
    }
    int complete = status(user, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"finding\":{\"value\":\"Nothing wrong\"},\"verdict\":{\"value\":\"RULED_OUT\"}}}",
        MediaType.APPLICATION_JSON);
    assertThat(complete).as("complete").isEqualTo(204);
    assertThat(engineHistory.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo(user);
  }

  @Autowired org.camunda.bpm.engine.HistoryService engineHistory;

  @ParameterizedTest(name = "{0} sees tasks offered to other groups: {1}")
  @CsvSource({"duty-manager, true", "eng-storage, false", "auditor, false", "account-manager, false"})
  void seeOtherGroupsTasks(String user, boolean allowed) {
    JsonNode visible = get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseId
        + "&taskDefinitionKey=investigate-area&candidateGroup=network&includeAssignedTasks=true");
    assertThat(visible.size() > 0).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} reads the case's history: {1}")
  @CsvSource({"auditor, true", "duty-manager, true", "admin, true", "eng-network, false", "account-manager, false"})
  void readHistory(String user, boolean allowed) {
    JsonNode history = get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseId);
    assertThat(history.size() > 0).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} deploys a playbook version: {1}")
  @CsvSource({"process-owner, true", "admin, true", "eng-network, false", "auditor, false", "duty-manager, false"})
  void deploy(String user, boolean allowed) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="authz-probe" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "probe-" + user);
    form.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "authz-probe.bpmn";
      }
    });
    int status = status(user, HttpMethod.POST, "/engine-rest/deployment/create", form, MediaType.MULTIPART_FORM_DATA);
    assertThat(status).isEqualTo(allowed ? 200 : 403);
  }

  @ParameterizedTest(name = "{0} changes running cases directly: refused")
  @CsvSource({"auditor", "account-manager", "eng-network"})
  void changeRunningCases(String user) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("sev-a-swarm").singleResult().getId();
    int status = status(user, HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/severity",
        Map.of("value", "C").toString().replace("=", "\":\"").replace("{", "{\"").replace("}", "\"}"),
        MediaType.APPLICATION_JSON);
    assertThat(status).isEqualTo(403);
  }
}
