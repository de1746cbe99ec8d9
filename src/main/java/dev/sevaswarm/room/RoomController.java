package dev.sevaswarm.room;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.people.FollowTheSun;
import dev.sevaswarm.sla.SlaMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The room's API: comment on a case, set its next action. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@ApiResponse(responseCode = "401", description = "no or wrong credentials")
@ApiResponse(responseCode = "404", description = "no such case")
public class RoomController {

  /** A comment as posted. */
  public record Comment(String caseId, String author, String text, List<String> mentions, OffsetDateTime at) {}

  /** A clock skew a person's "now" may have: a due time this far in the past still counts as now. */
  private static final long SKEW_SECONDS = 60;

  private final CaseRepository cases;
  private final CaseComments comments;
  private final NextActions nextActions;
  private final RoomState state;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final CaseThread thread;
  private final HelpfulMarks helpfulMarks;
  private final SlaMetrics metrics;
  private final FollowTheSun followTheSun;

  public RoomController(CaseRepository cases, CaseComments comments, NextActions nextActions, RoomState state,
      IdentityService identity, PlatformTransactionManager transactions, CaseThread thread, HelpfulMarks helpfulMarks,
      SlaMetrics metrics, FollowTheSun followTheSun) {
    this.followTheSun = followTheSun;
    this.thread = thread;
    this.helpfulMarks = helpfulMarks;
    this.metrics = metrics;
    this.cases = cases;
    this.comments = comments;
    this.nextActions = nextActions;
    this.state = state;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Operation(summary = "Comment on a case: the thread, the team channels, and a mail to each mentioned user")
  @ApiResponse(responseCode = "201", description = "posted")
  @ApiResponse(responseCode = "400", description = "no text, too long, or a mention that is not a user")
  @ApiResponse(responseCode = "403", description = "the account team and auditors read only")
  @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Comment> comment(@PathVariable String caseId, @RequestBody JsonNode body) {
    Caller caller = Caller.require(identity, Roles.CASE_WORKERS, "comment on cases");
    SupportCase supportCase = find(caseId);
    String text = text(body, "text");
    List<String> mentions = new ArrayList<>();
    JsonNode mentioned = body == null ? null : body.get("mentions");
    if (mentioned != null && !mentioned.isNull()) {
      if (!mentioned.isArray()) {
        throw ApiException.invalid(List.of(new FieldProblem("mentions", "must be an array of user ids")));
      }
      mentioned.forEach(user -> mentions.add(user.isTextual() ? user.textValue() : null));
    }
    Caller.asSystem(identity, () -> {
      transaction.executeWithoutResult(status -> comments.comment(supportCase.caseId(), caller.userId(), text, mentions));
      return null;
    });
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Comment(supportCase.caseId(), caller.userId(), text.strip(), mentions, CaseClock.now()));
  }

  @Operation(summary = "Set the case's next action (the owner or a duty manager)")
  @ApiResponse(responseCode = "200", description = "set: in the thread and the team channel; the overdue watch moves")
  @ApiResponse(responseCode = "400", description = "no text, or a due time that is missing or in the past")
  @ApiResponse(responseCode = "403", description = "only the owner and duty managers set the next action")
  @ApiResponse(responseCode = "409", description = "the case is resolved or closed"
      + ", or another change of the case at the same moment (nothing saved: try again)")
  @PutMapping(path = "/next-action", consumes = MediaType.APPLICATION_JSON_VALUE)
  public NextActions.NextAction nextAction(@PathVariable String caseId, @RequestBody JsonNode body) {
    SupportCase supportCase = find(caseId);
    Caller caller = ownerOrManager(supportCase, "set its next action");
    if (supportCase.status() == CaseStatus.RESOLVED || supportCase.status() == CaseStatus.CLOSED) {
      throw ApiException.conflict("Case " + caseId + " is " + supportCase.status() + ": it has no next action");
    }
    String text = text(body, "text");
    List<FieldProblem> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("text", "must say what happens next"));
    } else {
      FieldLimits.problem(text, FieldLimits.LONG_TEXT).ifPresent(p -> problems.add(new FieldProblem("text", p)));
    }
    OffsetDateTime due = null;
    try {
      due = Times.parseUsable(text(body, "due")).orElse(null);
      if (due == null) {
        problems.add(new FieldProblem("due", "must say by when, as an ISO-8601 date-time with an offset"));
      } else if (due.isBefore(CaseClock.now().minusSeconds(SKEW_SECONDS))) {
        problems.add(new FieldProblem("due", "is in the past"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("due", e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    OffsetDateTime by = due;
    return Caller.asSystem(identity, () -> transaction.execute(status ->
        nextActions.set(supportCase.caseId(), text, by, caller.userId(), nextActions.swarmOf(supportCase.caseId()))));
  }

  @Operation(summary = "Hand the case over now (the owner or a duty manager): the owner gets the hand-over task")
  @ApiResponse(responseCode = "202", description = "asked: the owner writes the brief, the best Sev A engineer on shift is invited")
  @ApiResponse(responseCode = "403", description = "only the case's owner and duty managers hand it over")
  @ApiResponse(responseCode = "409", description = "no swarm running, no owner yet, or a handover already under way"
      + ", or another change of the case at the same moment (nothing saved: try again)")
  @PostMapping(path = "/handover")
  public ResponseEntity<Void> handover(@PathVariable String caseId) {
    SupportCase supportCase = find(caseId);
    Caller caller = ownerOrManager(supportCase, "hand it over");
    try {
      Caller.asSystem(identity, () -> {
        transaction.executeWithoutResult(status -> followTheSun.request(supportCase.caseId(),
            ThreadWords.of("thread.handover.asked", caller.userId())));
        return null;
      });
    } catch (FollowTheSun.NoHandover no) {
      throw ApiException.conflict(no.getMessage());
    }
    return ResponseEntity.accepted().build();
  }

  /** A thread entry marked helpful. */
  public record Helpful(long entryId, String caseId, String author, String markedBy) {}

  @Operation(summary = "Mark a comment or finding of the case helpful: credit for whoever wrote it (the owner or a duty manager)")
  @ApiResponse(responseCode = "201", description = "marked")
  @ApiResponse(responseCode = "200", description = "it was marked already; it counts once")
  @ApiResponse(responseCode = "400", description = "not a comment or finding, or the marker's own")
  @ApiResponse(responseCode = "403", description = "only the case's owner and duty managers mark contributions")
  @PostMapping(path = "/timeline/{entryId}/helpful")
  public ResponseEntity<Helpful> helpful(@PathVariable String caseId, @PathVariable long entryId) {
    SupportCase supportCase = find(caseId);
    Caller caller = ownerOrManager(supportCase, "mark contributions helpful");
    ThreadEntry entry = thread.entries(supportCase.caseId()).stream().filter(e -> e.id() == entryId).findFirst()
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Case " + caseId + " has no entry " + entryId));
    if (entry.kind() != ThreadKind.COMMENT && entry.kind() != ThreadKind.FINDING) {
      throw ApiException.invalid(List.of(new FieldProblem("entryId", "is a " + entry.kind()
          + " entry: only comments and findings are contributions")));
    }
    if (entry.actor().equals(caller.userId())) {
      throw ApiException.invalid(List.of(new FieldProblem("entryId", "is your own: credit is given by others")));
    }
    boolean marked = helpfulMarks.mark(entry, caller.userId());
    if (marked) {
      metrics.helpful(entry.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    return ResponseEntity.status(marked ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new Helpful(entry.id(), entry.caseId(), entry.actor(), caller.userId()));
  }

  /** The caller, when they own the case or are a duty manager; a 403 saying who may otherwise. */
  private Caller ownerOrManager(SupportCase supportCase, String what) {
    Caller caller = Caller.current(identity);
    String owner = state.owner(supportCase.caseId()).orElse(null);
    boolean manager = caller.inAnyOf(List.of(Playbook.Group.DUTY_MANAGERS, Playbook.Group.CAMUNDA_ADMIN));
    if (!manager && !Objects.equals(owner, caller.userId())) {
      throw ApiException.forbidden("Only the case's owner" + (owner == null ? "" : " (" + owner + ")")
          + " and duty managers " + what);
    }
    return caller;
  }

  private SupportCase find(String caseId) {
    return cases.find(caseId).orElseThrow(() -> ApiException.notFound(caseId));
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body == null ? null : body.get(field);
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
