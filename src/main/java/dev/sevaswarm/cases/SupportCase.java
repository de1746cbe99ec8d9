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
    String processInstanceId) {

  public SupportCase {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
