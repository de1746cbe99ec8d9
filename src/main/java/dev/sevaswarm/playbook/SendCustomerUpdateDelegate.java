package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the owner's update to the customer, with the next contact time promised. */
@Component("sendCustomerUpdate")
public class SendCustomerUpdateDelegate implements JavaDelegate {

  private final CaseEvents events;

  public SendCustomerUpdateDelegate(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("message", (String) execution.getVariable(Var.UPDATE_TEXT));
    details.put("nextUpdateBy", (String) execution.getVariable(Var.NEXT_CONTACT_AT));
    events.announce(execution, NotificationEvent.CUSTOMER_UPDATE, details);
  }
}
