package dev.sevaswarm.intake;

import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.Finding;
import dev.sevaswarm.room.Investigations;
import dev.sevaswarm.room.NextActions;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as the API shows it. Every time is an ISO-8601 date-time with an offset. The swarm's state:
 * {@code investigations} (who is on which area, since when) and the owner's {@code nextAction}.
 */
public record CaseView(
    String caseId,
    String externalId,
    String customer,
    String contactName,
    String contactEmail,
    String severity,
    String plan,
    String title,
    String description,
    String businessImpact,
    OffsetDateTime recoverBy,
    List<String> services,
    CaseStatus status,
    String owner,
    OffsetDateTime createdAt,
    OffsetDateTime firstResponseDue,
    OffsetDateTime firstResponseAt,
    Boolean slaMet,
    OffsetDateTime nextContactAt,
    String processInstanceId,
    List<AreaView> areas,
    List<Finding> findings,
    List<TimelineEntry> timeline,
    List<Investigations.Investigation> investigations,
    NextActions.NextAction nextAction) {

  /** An isolation area under investigation or investigated. */
  public record AreaView(String area, String group, String state, String assignee, String verdict) {}

  /** One line of the case thread. */
  /**
   * A line of the case thread.
   *
   * @param id what to name the entry by (to mark a comment or finding helpful)
   * @param helpful whether the case's owner marked it helpful
   */
  public record TimelineEntry(long id, OffsetDateTime at, String actor, String kind, String text, boolean helpful) {}
}
