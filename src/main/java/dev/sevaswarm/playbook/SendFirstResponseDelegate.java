package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the owner's first response to the customer, with the next contact time promised. */
@Component("sendFirstResponse")
public class SendFirstResponseDelegate implements JavaDelegate {

  private final CaseEvents events;

  public SendFirstResponseDelegate(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("message", (String) execution.getVariable(Var.FIRST_RESPONSE));
    details.put("yourEngineer", (String) execution.getVariable(Var.OWNER));
    details.put("nextUpdateBy", (String) execution.getVariable(Var.NEXT_CONTACT_AT));
    events.announce(execution, NotificationEvent.FIRST_RESPONSE, details);
  }
}
