package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Var;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A job's first values are written once (the historic variable, no history detail), yet the
 * history and the audit trail keep every value a variable ever had.
 */
class FirstValuesOnceTest extends AppTestSupport {

  @Autowired HistoryService history;
  @Autowired TestRestTemplate http;

  private String swarmOf(String caseId) {
    awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).singleResult().getId();
  }

  private HistoricVariableInstance variable(String processInstanceId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableName(name)
        .singleResult();
  }

  private List<HistoricVariableUpdate> details(HistoricVariableInstance variable) {
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().variableInstanceId(variable.getId())
        .orderPartiallyByOccurrence().asc().list()) {
      updates.add((HistoricVariableUpdate) detail);
    }
    return updates;
  }

  private List<JsonNode> audit(String caseId) {
    List<JsonNode> entries = new ArrayList<>();
    http.withBasicAuth("auditor", "demo").getForObject("/api/cases/" + caseId + "/audit", JsonNode.class)
        .get("entries").forEach(entries::add);
    return entries;
  }

  @Test
  void theSwarmsCopyOfTheCase_isWrittenOnce_andTheAuditShowsIt() {
    String caseId = openSevACase("First values: the swarm's copy").getBusinessKey();
    HistoricVariableInstance copy = variable(swarmOf(caseId), Var.TITLE);

    assertThat(copy.getValue()).isEqualTo("First values: the swarm's copy");
    assertThat(details(copy)).isEmpty();
    // the case's own title, set by the intake user's start, keeps its detail
    String caseInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).singleResult().getId();
    assertThat(details(variable(caseInstance, Var.TITLE))).hasSize(1);

    assertThat(audit(caseId)).filteredOn(e -> e.get("action").asText().equals("variable set")
        && Var.TITLE.equals(e.get("elementId").asText(null)))
        .extracting(e -> e.get("details").asText())
        .containsExactly("First values: the swarm's copy", "First values: the swarm's copy");
  }

  @Test
  void aFirstValueChangedLater_isStillInTheHistory_beforeTheChange() {
    String caseId = openSevACase("First values: changed later").getBusinessKey();
    String swarm = swarmOf(caseId);
    HistoricVariableInstance owner = variable(swarm, Var.OWNER);
    assertThat(owner.getValue()).isNull();
    assertThat(details(owner)).isEmpty();

    takeOwnership(caseId, "eng-network", Variables.createVariables(), "network");

    List<HistoricVariableUpdate> values = details(owner);
    assertThat(values).extracting(HistoricVariableUpdate::getValue).containsExactly(null, "eng-network");
    assertThat(values.get(0).getTime()).isEqualTo(owner.getCreateTime());
    assertThat(values.get(0).getRevision()).isZero();
    assertThat(audit(caseId)).filteredOn(e -> Var.OWNER.equals(e.get("elementId").asText(null)))
        .extracting(e -> e.get("action").asText() + ": " + e.get("details").asText())
        .contains("variable set: null", "variable changed: null → eng-network");
  }
}
