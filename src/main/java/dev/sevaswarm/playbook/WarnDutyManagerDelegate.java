package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.sla.SlaMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Warns the duty managers and re-broadcasts to the team before the first response is due. */
@Component("warnDutyManager")
public class WarnDutyManagerDelegate extends AnnouncingDelegate {

  private final SlaMetrics metrics;

  public WarnDutyManagerDelegate(CaseEvents events, SlaMetrics metrics) {
    super(events, NotificationEvent.SLA_WARNING, Var.FIRST_RESPONSE_DUE);
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    super.execute(execution);
    metrics.warning(String.valueOf(execution.getVariable(Var.SEVERITY)), String.valueOf(execution.getVariable(Var.PLAN)));
  }
}
