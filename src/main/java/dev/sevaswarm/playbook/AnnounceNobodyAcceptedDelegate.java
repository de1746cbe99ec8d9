package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Tells the duty managers that nobody on shift took an area's invitation: it waits in its group. */
@Component("announceNobodyAccepted")
public class AnnounceNobodyAcceptedDelegate extends AnnouncingDelegate {

  public AnnounceNobodyAcceptedDelegate(CaseEvents events) {
    super(events, NotificationEvent.INVITATIONS_UNANSWERED, Var.AREA, Var.AREA_GROUP);
  }
}
