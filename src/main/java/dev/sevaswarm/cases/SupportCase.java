package dev.sevaswarm.cases;

import java.time.OffsetDateTime;
import java.util.List;

/** What was reported when the case was opened. */
public record SupportCase(
    String caseId,
    String externalId,
    String customer,
    String contactName,
    String contactEmail,
    Severity severity,
    SupportPlan plan,
    String title,
    String description,
    String businessImpact,
    OffsetDateTime recoverBy,
    List<String> services,
    String requestedBy,
    OffsetDateTime createdAt,
    OffsetDateTime firstResponseDue,
    String processInstanceId,
    CaseStatus status,
    OffsetDateTime slaStartedAt,
    OffsetDateTime firstResponseAt,
    boolean slaBreached,
    OffsetDateTime closedAt) {

  public SupportCase {
    services = services == null ? List.of() : List.copyOf(services);
    status = status == null ? CaseStatus.OPEN : status;
  }

  /** A case as reported at intake, before the playbook has done anything with it. */
  public static SupportCase reported(String caseId, String externalId, String customer, String contactName,
      String contactEmail, Severity severity, SupportPlan plan, String title, String description,
      String businessImpact, OffsetDateTime recoverBy, List<String> services, String requestedBy,
      OffsetDateTime createdAt, String processInstanceId) {
    return new SupportCase(caseId, externalId, customer, contactName, contactEmail, severity, plan, title,
        description, businessImpact, recoverBy, services, requestedBy, createdAt, null, processInstanceId,
        CaseStatus.OPEN, null, null, false, null);
  }

  /** The same case with its first-response clock started. */
  public SupportCase withSla(OffsetDateTime startedAt, OffsetDateTime due) {
    return new SupportCase(caseId, externalId, customer, contactName, contactEmail, severity, plan, title,
        description, businessImpact, recoverBy, services, requestedBy, createdAt, due, processInstanceId, status,
        startedAt, firstResponseAt, slaBreached, closedAt);
  }

  /** The same case run by the given process instance. */
  public SupportCase withProcessInstance(String id) {
    return new SupportCase(caseId, externalId, customer, contactName, contactEmail, severity, plan, title,
        description, businessImpact, recoverBy, services, requestedBy, createdAt, firstResponseDue, id, status,
        slaStartedAt, firstResponseAt, slaBreached, closedAt);
  }

  /** The first-response SLA: met, missed, or not decided yet (null). */
  public Boolean slaMet() {
    if (firstResponseAt == null || firstResponseDue == null) {
      return slaBreached ? Boolean.FALSE : null;
    }
    return !firstResponseAt.isAfter(firstResponseDue);
  }
}
