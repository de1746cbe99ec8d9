package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends the owner's update to the customer, with the next contact time promised. */
@Component("sendCustomerUpdate")
public class SendCustomerUpdateDelegate extends AnnouncingDelegate {

  public SendCustomerUpdateDelegate(CaseEvents events) {
    super(events, NotificationEvent.CUSTOMER_UPDATE, details());
  }

  private static Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(MessageComposer.MESSAGE, Var.UPDATE_TEXT);
    details.put(MessageComposer.NEXT_UPDATE_BY, Var.NEXT_CONTACT_AT);
    return details;
  }
}
