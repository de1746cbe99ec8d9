package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Posts a finding of one isolation area to the team channel. */
@Component("announceFinding")
public class AnnounceFindingDelegate extends AnnouncingDelegate {

  public AnnounceFindingDelegate(CaseEvents events) {
    super(events, NotificationEvent.FINDING, Var.AREA, Var.VERDICT, Var.FINDING);
  }
}
