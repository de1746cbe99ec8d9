package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.Playbook;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Deploying a diagram is deploying code: the deployment door refuses what would run outside the
 * playbook, naming the element, and process owners deploy but delete nothing and read no case's
 * personal data.
 */
class DeploymentDoorTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  /** A one-task process whose service task, or whose whole body, is the given BPMN. */
  private static String process(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://example.test">
          <bpmn:process id="%s" name="Probe" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Probe" />
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, body);
  }

  private ResponseEntity<JsonNode> deploy(String user, String resourceName, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "probe-" + UUID.randomUUID());
    form.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return resourceName;
      }
    });
    return http.exchange(baseUrl() + "/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers),
        JsonNode.class);
  }

  private ResponseEntity<JsonNode> call(HttpMethod method, String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return http.exchange(baseUrl() + "/engine-rest" + path, method, new HttpEntity<>(headers), JsonNode.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a script task | <bpmn:scriptTask id='ScriptTask_Probe' scriptFormat='javascript'><bpmn:script>1</bpmn:script></bpmn:scriptTask> | ScriptTask_Probe",
      "an expression reaching an engine service | <bpmn:serviceTask id='ServiceTask_Promote' camunda:expression=\"${identityService.createMembership('process-owner', 'camunda-admin')}\" /> | ServiceTask_Promote",
      "a bean of the application that is no playbook step | <bpmn:serviceTask id='ServiceTask_Jdbc' camunda:delegateExpression='${jdbcTemplate}' /> | ServiceTask_Jdbc",
      "the engine through the execution | <bpmn:serviceTask id='ServiceTask_Engine' camunda:expression='${execution.processEngineServices}' /> | ServiceTask_Engine",
      "reflection through a variable | <bpmn:serviceTask id='ServiceTask_Reflect' camunda:expression=\"${caseId.getClass().forName('java.lang.Runtime')}\" /> | ServiceTask_Reflect",
      "a Java class | <bpmn:serviceTask id='ServiceTask_Class' camunda:class='org.example.Evil' /> | ServiceTask_Class",
      "a script listener | <bpmn:userTask id='UserTask_Listened'><bpmn:extensionElements><camunda:taskListener event='create'><camunda:script scriptFormat='groovy'>1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask> | UserTask_Listened",
      "an HTML form | <bpmn:userTask id='UserTask_Html' camunda:formKey='embedded:deployment:evil.html' /> | UserTask_Html",
  })
  void aProcessOwnersDiagramThatWouldRunCode_isRefusedNamingTheElement(String what, String body, String element) {
    String key = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<JsonNode> refused = deploy("process-owner", "probe.bpmn", process(key, body));

    assertThat(refused.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains(element);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void aDecisionTableInAnotherLanguageThanFeel_isRefused() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Defs" name="Probe" namespace="https://example.test">
          <decision id="probe-juel" name="Probe">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_Probe"><inputExpression id="InputExpression_Probe" typeRef="string" expressionLanguage="juel"><text>${identityService}</text></inputExpression></input>
              <output id="Output_Probe" name="out" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    ResponseEntity<JsonNode> refused = deploy("process-owner", "probe.dmn", dmn);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("InputExpression_Probe");
  }

  @Test
  void aDiagramUsingVariablesAndThePlaybooksBeans_isDeployed() {
    String key = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    String body = """
        <bpmn:userTask id="UserTask_Probe" camunda:assignee="${execution.getVariable('owner')}" camunda:candidateGroups="sev-a-engineers">
          <bpmn:extensionElements><camunda:taskListener delegateExpression="${caseTaskListener}" event="create" /></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${playbookAreas.toInvestigate(execution)}" camunda:elementVariable="area">
            <bpmn:completionCondition>${rootCauseFound &amp;&amp; responseTimes.supported}</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        """;
    ResponseEntity<JsonNode> deployed = deploy("process-owner", "probe.bpmn", process(key, body));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void processOwnersDeleteNoDeploymentNoDefinitionNoHistory_andReadNoCasesVariables() {
    String caseId = openSevACase("Process owners are contained").getBusinessKey();
    awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP);
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey(Playbook.Process.SEV_A_SWARM)
        .latestVersion().singleResult().getDeploymentId();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(Playbook.Process.SEV_A_SWARM)
        .latestVersion().singleResult().getId();
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).singleResult().getId();

    assertThat(call(HttpMethod.DELETE, "process-owner", "/deployment/" + deploymentId + "?cascade=true")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.DELETE, "process-owner", "/process-definition/" + definitionId + "?cascade=true")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.DELETE, "process-owner", "/history/process-instance/" + instanceId).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST, HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);

    // the process owner sees the cases flow (instances), not what customers wrote
    assertThat(call(HttpMethod.GET, "process-owner", "/process-instance/count?processDefinitionKey="
        + Playbook.Process.SUPPORT_REQUEST).getBody().get("count").asLong()).isPositive();
    for (String variables : new String[] {"/history/variable-instance?processInstanceId=" + instanceId,
        "/history/detail?processInstanceId=" + instanceId, "/variable-instance?processInstanceIdIn=" + instanceId}) {
      ResponseEntity<JsonNode> read = call(HttpMethod.GET, "process-owner", variables);
      assertThat(read.getStatusCode().is2xxSuccessful() ? read.getBody().size() : 0).as(variables).isZero();
      assertThat(call(HttpMethod.GET, "auditor", variables.replace("/variable-instance?processInstanceIdIn",
          "/variable-instance?processInstanceId")).getStatusCode().value()).isLessThan(500);
    }
    assertThat(call(HttpMethod.GET, "auditor", "/history/variable-instance?processInstanceId=" + instanceId)
        .getBody().size()).as("auditors read the history's variables").isPositive();
  }
}
