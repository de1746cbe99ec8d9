package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.sla.SlaMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A promised customer update came due unsent: on the record and in the metrics. */
@Component("recordMissedCustomerUpdate")
public class RecordMissedCustomerUpdateListener implements ExecutionListener {

  private final CaseThread thread;
  private final SlaMetrics metrics;

  public RecordMissedCustomerUpdateListener(CaseThread thread, SlaMetrics metrics) {
    this.thread = thread;
    this.metrics = metrics;
  }

  @Override
  public void notify(DelegateExecution execution) {
    thread.post((String) execution.getVariable(Var.CASE_ID), CaseThread.SYSTEM, ThreadKind.CUSTOMER_UPDATE,
        ThreadWords.of("thread.customerUpdate.overdue", execution.getVariable(Var.NEXT_CONTACT_AT)));
    metrics.customerUpdateMissed(String.valueOf(execution.getVariable(Var.SEVERITY)));
  }
}
