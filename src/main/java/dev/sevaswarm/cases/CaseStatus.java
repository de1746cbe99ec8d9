package dev.sevaswarm.cases;

/** Where a case stands; kept by the playbook as the case moves. */
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
