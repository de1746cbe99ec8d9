package dev.sevaswarm.playbook;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Posts a new Sev A case to the team channel and the team list, right at intake. */
@Component("broadcastToTeam")
public class BroadcastToTeamDelegate extends AnnouncingDelegate {

  public BroadcastToTeamDelegate(CaseEvents events) {
    super(events, NotificationEvent.INTAKE_BROADCAST);
  }
}
