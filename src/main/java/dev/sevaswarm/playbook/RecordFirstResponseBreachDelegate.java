package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.sla.SlaMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the first-response deadline: records a breach if nobody has responded yet. The case goes on
 * either way; the breach stays on the record.
 */
@Component("recordFirstResponseBreach")
public class RecordFirstResponseBreachDelegate implements JavaDelegate {

  private final CaseEvents events;
  private final CaseThread thread;
  private final CaseRepository cases;
  private final SlaMetrics metrics;

  public RecordFirstResponseBreachDelegate(CaseEvents events, CaseThread thread, CaseRepository cases,
      SlaMetrics metrics) {
    this.events = events;
    this.thread = thread;
    this.cases = cases;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(Var.FIRST_RESPONSE_AT) != null) {
      return;
    }
    execution.setVariable(Var.SLA_BREACHED, true);
    cases.breached((String) execution.getVariable(Var.CASE_ID));
    metrics.breach(String.valueOf(execution.getVariable(Var.SEVERITY)), String.valueOf(execution.getVariable(Var.PLAN)));
    thread.post((String) execution.getVariable(Var.CASE_ID), CaseThread.SYSTEM, ThreadKind.SLA,
        ThreadWords.of("thread.sla.breached", execution.getVariable(Var.FIRST_RESPONSE_DUE)));
    events.announce(execution, NotificationEvent.SLA_BREACH, Var.FIRST_RESPONSE_DUE);
  }
}
