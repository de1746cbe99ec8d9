package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends the owner's first response to the customer, with the next contact time promised. */
@Component("sendFirstResponse")
public class SendFirstResponseDelegate extends AnnouncingDelegate {

  public SendFirstResponseDelegate(CaseEvents events) {
    super(events, NotificationEvent.FIRST_RESPONSE, details());
  }

  private static Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(MessageComposer.MESSAGE, Var.FIRST_RESPONSE);
    details.put(MessageComposer.YOUR_ENGINEER, Var.OWNER);
    details.put(MessageComposer.NEXT_UPDATE_BY, Var.NEXT_CONTACT_AT);
    return details;
  }
}
