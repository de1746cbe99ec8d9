package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Tells the duty managers (and the team) that the case was escalated and why. */
@Component("notifyEscalation")
public class NotifyEscalationDelegate extends AnnouncingDelegate {

  public NotifyEscalationDelegate(CaseEvents events) {
    super(events, NotificationEvent.ESCALATION, Var.ESCALATION_REASON, Var.OWNER);
  }
}
