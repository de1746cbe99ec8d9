package dev.sevaswarm.cases;

/** What kind of entry a line of the case thread is. */
public enum ThreadKind {
  CASE_OPENED,
  SLA,
  OWNERSHIP,
  FIRST_RESPONSE,
  FINDING,
  VOLUNTEER,
  CUSTOMER_UPDATE,
  ESCALATION,
  DECISION,
  RAISE,
  DOWNGRADE,
  RESOLUTION,
  REVIEW,
  NOTIFICATION,
  NOTE,
  COMMENT,
  NEXT_ACTION,
  INVESTIGATION,
  INVITATION
}
