package dev.sevaswarm.sla;

import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Asks the process owners' response-times table what a plan promises: the table a case opened now
 * would use, i.e. the one deployed with the newest support-request playbook (the playbook binds its
 * decision by deployment).
 *
 * <p>The table's answer depends on nothing but severity and plan, so each deployed version is asked
 * once per pair and remembered; a new deployment is a new version and is asked afresh. The case's own
 * "Decide response times" step still evaluates (and records) the table for the audit trail.
 */
@Service
public class ResponseTimesTable {

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final Map<String, String> tableOfDeployment = new ConcurrentHashMap<>();
  private final Map<String, ResponseTimes> answers = new ConcurrentHashMap<>();

  public ResponseTimesTable(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** What the table promises to a case opened now. */
  public ResponseTimes lookUp(Severity severity, SupportPlan plan) {
    return promise(severity, plan).times();
  }

  /**
   * The newest playbook and what its table promises: a case started on exactly that playbook keeps
   * the promise even when a new version is deployed in between.
   */
  public Promise promise(Severity severity, SupportPlan plan) {
    ProcessDefinition playbook = repository.createProcessDefinitionQuery()
        .processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).latestVersion().singleResult();
    return new Promise(playbook, lookUpIn(playbook, severity, plan));
  }

  /** A playbook (a support-request definition) and what its response-times table promises. */
  public record Promise(ProcessDefinition playbook, ResponseTimes times) {}

  /** The given playbook (a support-request definition) and what its table promises. */
  public Promise promiseOf(String playbookDefinitionId, Severity severity, SupportPlan plan) {
    ProcessDefinition playbook = repository.getProcessDefinition(playbookDefinitionId);
    return new Promise(playbook, lookUpIn(playbook, severity, plan));
  }

  /** What the table promises to a running case, whose playbook is the given support-request definition. */
  public ResponseTimes lookUp(String playbookDefinitionId, Severity severity, SupportPlan plan) {
    return promiseOf(playbookDefinitionId, severity, plan).times();
  }

  private ResponseTimes lookUpIn(ProcessDefinition playbook, Severity severity, SupportPlan plan) {
    String table = tableOfDeployment.computeIfAbsent(playbook.getDeploymentId(), deployment -> repository
        .createDecisionDefinitionQuery().deploymentId(deployment).decisionDefinitionKey(Playbook.Decision.RESPONSE_TIMES)
        .singleResult().getId());
    return answers.computeIfAbsent(table + "|" + severity + "|" + plan, key -> evaluate(table, severity, plan));
  }

  private ResponseTimes evaluate(String table, Severity severity, SupportPlan plan) {
    var result = decisions.evaluateDecisionTableById(table)
        .variables(Variables.createVariables()
            .putValue(Playbook.Var.SEVERITY, severity.name())
            .putValue(Playbook.Var.PLAN, plan.name()))
        .evaluate()
        .getSingleResult();
    return result == null ? ResponseTimes.NOT_COVERED : ResponseTimes.from(result.getEntryMap());
  }
}
