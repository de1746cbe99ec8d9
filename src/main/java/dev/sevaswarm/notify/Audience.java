package dev.sevaswarm.notify;

/** Who a notification is for. Each audience is reached through the channels configured for it. */
public enum Audience {
  /** the team channel and the team mailing list */
  TEAM,
  /** the account team */
  SALES,
  /** the customer's contact of the case */
  CUSTOMER,
  /** every member of the duty-managers group with an e-mail address */
  DUTY_MANAGERS,
  /** the people a notification names (detail {@code people}: user ids), by their own e-mail address */
  PEOPLE
}
