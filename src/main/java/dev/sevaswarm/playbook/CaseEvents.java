package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.notify.Notifications;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Publishes a notification for the case a step belongs to. */
@Component
public class CaseEvents {

  private final Notifications notifications;

  public CaseEvents(Notifications notifications) {
    this.notifications = notifications;
  }

  /** details: pairs of name and variable whose current value goes into the message */
  public void announce(VariableScope scope, NotificationEvent event, String... detailVariables) {
    Map<String, String> details = new LinkedHashMap<>();
    for (String name : detailVariables) {
      Object value = scope.getVariable(name);
      details.put(name, value == null ? null : value.toString());
    }
    announce(scope, event, details);
  }

  public void announce(VariableScope scope, NotificationEvent event, Map<String, String> details) {
    Map<String, String> withOwner = new LinkedHashMap<>(details);
    Object owner = scope.getVariable(Var.OWNER);
    if (owner != null && !withOwner.containsKey(Var.OWNER) && !withOwner.containsKey(MessageComposer.YOUR_ENGINEER)) {
      withOwner.put(Var.OWNER, owner.toString());
    }
    notifications.publish(caseOf(scope), event, withOwner);
  }

  /** The case of the process the step runs in (its business key), never a variable someone could set. */
  static String caseOf(VariableScope scope) {
    if (scope instanceof DelegateExecution execution && execution.getProcessBusinessKey() != null) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask task && task.getExecution().getProcessBusinessKey() != null) {
      return task.getExecution().getProcessBusinessKey();
    }
    return (String) scope.getVariable(Var.CASE_ID);
  }
}
