package dev.sevaswarm.notify;

import static dev.sevaswarm.notify.Audience.CUSTOMER;
import static dev.sevaswarm.notify.Audience.DUTY_MANAGERS;
import static dev.sevaswarm.notify.Audience.PEOPLE;
import static dev.sevaswarm.notify.Audience.SALES;
import static dev.sevaswarm.notify.Audience.TEAM;

import java.util.List;

/** The moments of a case that people outside the task list hear about, and who hears by default. */
public enum NotificationEvent {
  INTAKE_BROADCAST("New Sev A case", TEAM),
  SALES_NOTICE("Sev A case for your account", SALES),
  FIRST_RESPONSE("We are working on your case", CUSTOMER),
  FINDING("Finding posted", TEAM),
  SLA_WARNING("First response nearly due", DUTY_MANAGERS, TEAM),
  SLA_BREACH("First response overdue", DUTY_MANAGERS, TEAM),
  CUSTOMER_UPDATE("Update on your case", CUSTOMER),
  ESCALATION("Case escalated", DUTY_MANAGERS, TEAM),
  RAISED_TO_SEV_A("Case raised to Sev A", TEAM, SALES),
  DOWNGRADED("Case downgraded to Sev B", TEAM, SALES, CUSTOMER),
  DECLINED("Your plan does not include technical support for this request", CUSTOMER),
  CLOSURE("Case resolved", CUSTOMER, SALES, TEAM),
  COMMENT("New comment", TEAM, PEOPLE),
  NEXT_ACTION("Next action", TEAM),
  NEXT_ACTION_OVERDUE("No next action — ideas?", TEAM, PEOPLE),
  INVESTIGATION_STOPPED("Your investigation was stopped", PEOPLE),
  INVITATION("You are invited to a Sev A investigation", PEOPLE),
  OWNER_CHANGED("Your case has a new engineer", CUSTOMER, TEAM),
  INVITATIONS_UNANSWERED("Nobody took the invitation: the area waits in its group", DUTY_MANAGERS),
  ESCALATION_DECIDED("Escalation decided", TEAM, PEOPLE);

  private final String headline;
  private final List<Audience> defaultAudiences;

  NotificationEvent(String headline, Audience... defaultAudiences) {
    this.headline = headline;
    this.defaultAudiences = List.of(defaultAudiences);
  }

  public String headline() {
    return headline;
  }

  public List<Audience> defaultAudiences() {
    return defaultAudiences;
  }
}
