package dev.sevaswarm.intake;

/** Where a case stands, derived from where its process is. */
public enum CaseStatus {
  /** nobody owns it yet */
  OPEN,
  /** an owner works it */
  INVESTIGATING,
  /** the customer confirmed the fix; closure and review follow */
  RESOLVED,
  /** its process has ended */
  CLOSED
}
