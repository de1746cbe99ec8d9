package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.notify.NotificationEvent;
import org.springframework.stereotype.Component;

/** Tells the account team early, at intake or when a case is raised to Sev A. */
@Component("notifySales")
public class NotifySalesDelegate extends AnnouncingDelegate {

  public NotifySalesDelegate(CaseEvents events) {
    super(events, NotificationEvent.SALES_NOTICE, Var.RAISED);
  }
}
