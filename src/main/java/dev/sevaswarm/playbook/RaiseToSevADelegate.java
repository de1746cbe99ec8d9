package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.sla.ResponseTimesTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * (The bean is not called "raiseToSevA": that is the form field's variable, and a variable
 * shadows a bean of the same name in expressions.)
 *
 * Raises a Sev B/C case to Sev A, which hands it to the swarm with a new first-response clock.
 * A plan without Sev A support refuses the raise and the case stays with its engineer.
 */
@Component("raiseCaseToSevA")
public class RaiseToSevADelegate implements JavaDelegate {

  private final ResponseTimesTable responseTimes;
  private final CaseEvents events;
  private final CaseThread thread;

  public RaiseToSevADelegate(ResponseTimesTable responseTimes, CaseEvents events, CaseThread thread) {
    this.responseTimes = responseTimes;
    this.events = events;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    SupportPlan plan = SupportPlan.valueOf((String) execution.getVariable(Var.PLAN));
    String previous = (String) execution.getVariable(Var.SEVERITY);
    execution.setVariable(Var.RAISE_TO_SEV_A, false);
    if (!responseTimes.lookUp(execution.getProcessDefinitionId(), Severity.A, plan).supported()) {
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.RAISE,
          ThreadWords.of("thread.raise.refused", plan));
      throw new BpmnError(Playbook.Error.RAISE_REFUSED, "The " + plan + " plan has no Sev A support");
    }
    execution.setVariable(Var.SEVERITY, Severity.A.name());
    execution.setVariable(Var.RAISED, true);
    execution.setVariable(Var.DOWNGRADED, false);
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.RAISE, ThreadWords.of("thread.raise.raised", previous));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("raisedFrom", "Sev " + previous);
    events.announce(execution, NotificationEvent.RAISED_TO_SEV_A, details);
  }
}
