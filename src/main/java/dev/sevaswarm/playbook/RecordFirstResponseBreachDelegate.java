package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.notify.NotificationEvent;
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

  public RecordFirstResponseBreachDelegate(CaseEvents events, CaseThread thread) {
    this.events = events;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(Var.FIRST_RESPONSE_AT) != null) {
      return;
    }
    execution.setVariable(Var.SLA_BREACHED, true);
    thread.post((String) execution.getVariable(Var.CASE_ID), CaseThread.SYSTEM, ThreadKind.SLA,
        "First response breached: it was due " + execution.getVariable(Var.FIRST_RESPONSE_DUE));
    events.announce(execution, NotificationEvent.SLA_BREACH, Var.FIRST_RESPONSE_DUE);
  }
}
