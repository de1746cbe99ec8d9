package dev.sevaswarm.sla;

import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Asks the process owners' response-times table what a plan promises. */
@Service
public class ResponseTimesTable {

  private final DecisionService decisions;

  public ResponseTimesTable(DecisionService decisions) {
    this.decisions = decisions;
  }

  public ResponseTimes lookUp(Severity severity, SupportPlan plan) {
    var result = decisions.evaluateDecisionTableByKey(Playbook.Decision.RESPONSE_TIMES)
        .variables(Variables.createVariables()
            .putValue(Playbook.Var.SEVERITY, severity.name())
            .putValue(Playbook.Var.PLAN, plan.name()))
        .evaluate()
        .getSingleResult();
    return result == null ? ResponseTimes.NOT_COVERED : ResponseTimes.from(result.getEntryMap());
  }
}
