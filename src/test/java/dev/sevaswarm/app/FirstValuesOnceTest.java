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
 * The first values of a job or of a start are written once (the historic variable, no history
 * detail), yet the history and the audit trail keep every value a variable ever had, and who set it.
 */
class FirstValuesOnceTest extends AppTestSupport {

  @Autowired HistoryService history;
  @Autowired TestRestTemplate http;

  private String instanceOf(String caseId, String processKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).processDefinitionKey(processKey)
        .singleResult().getId();
  }

  private String swarmOf(String caseId) {
    awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP);
    return instanceOf(caseId, Playbook.Process.SEV_A_SWARM);
  }

  private String caseInstanceOf(String caseId) {
    return instanceOf(caseId, Playbook.Process.SUPPORT_REQUEST);
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

  private static String actor(JsonNode entry) {
    JsonNode actor = entry.get("actor");
    return actor == null || actor.isNull() ? "nobody" : actor.asText();
  }

  @Test
  void theStartsValuesAndTheSwarmsCopy_areWrittenOnce_andTheAuditSaysWhoSetThem() {
    String caseId = openSevACase("First values: the swarm's copy").getBusinessKey();
    HistoricVariableInstance copy = variable(swarmOf(caseId), Var.TITLE);
    HistoricVariableInstance title = variable(caseInstanceOf(caseId), Var.TITLE);

    assertThat(copy.getValue()).isEqualTo("First values: the swarm's copy");
    assertThat(details(copy)).isEmpty();
    // the case's own title, passed to the intake user's start: the start's log entry names who set it
    assertThat(title.getValue()).isEqualTo("First values: the swarm's copy");
    assertThat(details(title)).isEmpty();

    assertThat(audit(caseId)).filteredOn(e -> e.get("action").asText().equals("variable set")
        && Var.TITLE.equals(e.get("elementId").asText(null)))
        .extracting(e -> actor(e) + ": " + e.get("details").asText())
        .containsExactly("intake: First values: the swarm's copy", "nobody: First values: the swarm's copy");
  }

  @Test
  void aStartsValueChangedLater_keepsBothValues_eachWithWhoSetIt() {
    String caseId = openSevACase("First values: a start's value corrected").getBusinessKey();
    String caseInstance = caseInstanceOf(caseId);
    awaitTask(caseId, Playbook.Task.TAKE_OWNERSHIP);

    // an administrator corrects the customer's name, as through the engine's REST API
    as("admin", () -> {
      runtime.setVariable(caseInstance, Var.CUSTOMER, "Contoso Retail Japan");
      return null;
    });

    HistoricVariableInstance customer = variable(caseInstance, Var.CUSTOMER);
    List<HistoricVariableUpdate> values = details(customer);
    assertThat(values).extracting(HistoricVariableUpdate::getValue)
        .containsExactly("Contoso Retail", "Contoso Retail Japan");
    assertThat(values.get(0).getTime()).isEqualTo(customer.getCreateTime());
    assertThat(audit(caseId)).filteredOn(e -> Var.CUSTOMER.equals(e.get("elementId").asText(null))
        && !e.get("action").asText().startsWith("operation"))
        .extracting(e -> e.get("action").asText() + " by " + actor(e) + ": " + e.get("details").asText())
        // (the swarm's copy of the customer, set by a job, is there too)
        .containsSubsequence("variable set by intake: Contoso Retail",
            "variable changed by admin: Contoso Retail → Contoso Retail Japan");
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
