package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Warns the duty managers and re-broadcasts to the team before the first response is due. */
@Component("warnDutyManager")
public class WarnDutyManagerDelegate extends AnnouncingDelegate {

  public WarnDutyManagerDelegate(CaseEvents events) {
    super(events, NotificationEvent.SLA_WARNING, Var.FIRST_RESPONSE_DUE);
  }
}
