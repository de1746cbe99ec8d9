package dev.sevaswarm.notify;

import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.PlaybookExpression;
import dev.sevaswarm.cases.VariableLists;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The collection of the delivery multi-instance: one delivery job per audience and channel. */
@PlaybookExpression
@Component("notificationTargets")
public class NotificationTargets {

  public List<String> of(DelegateExecution execution) {
    return VariableLists.strings(execution.getVariable(Playbook.Var.TARGETS));
  }
}
