package dev.sevaswarm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case API: open, read and list cases; volunteer an area; raise to Sev A. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@ApiResponse(responseCode = "401", description = "no or wrong credentials (HTTP Basic)")
@ApiResponse(responseCode = "403", description = "the user's groups do not allow this",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class CaseController {

  private static final int LIST_LIMIT = 500;

  private final CaseRepository cases;
  private final CaseIntake intake;
  private final CaseQueries queries;
  private final CaseActions actions;
  private final CaseRequestReader reader;
  private final IdentityService identity;

  public CaseController(CaseRepository cases, CaseIntake intake, CaseQueries queries, CaseActions actions,
      CaseRequestReader reader, IdentityService identity) {
    this.cases = cases;
    this.intake = intake;
    this.queries = queries;
    this.actions = actions;
    this.reader = reader;
    this.identity = identity;
  }

  @Operation(summary = "Open a case", description = "Idempotent on externalId: the same externalId again "
      + "answers 200 with the case it opened and starts nothing.")
  @ApiResponse(responseCode = "201", description = "case opened; Location names it")
  @ApiResponse(responseCode = "200", description = "a case with this externalId exists already")
  @ApiResponse(responseCode = "400", description = "invalid fields, listed in errors[{field, message}]",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "the plan offers no technical support for this severity",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView> open(
      @RequestBody(content = @Content(schema = @Schema(implementation = CaseRequest.class)))
      @org.springframework.web.bind.annotation.RequestBody JsonNode body) {
    Caller.require(identity, Roles.apiOpeners(), "open cases");
    CaseIntake.Opened opened = intake.open(reader.read(body));
    if (!opened.created()) {
      return ResponseEntity.ok(view(opened.supportCase()));
    }
    CaseView view = queries.justOpened(opened.supportCase());
    return ResponseEntity.created(URI.create("/api/cases/" + view.caseId())).body(view);
  }

  @Operation(summary = "Read a case: status, owner, SLA, areas, findings and its thread")
  @ApiResponse(responseCode = "200", description = "the case")
  @ApiResponse(responseCode = "404", description = "no such case",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping("/{caseId}")
  public CaseView read(@PathVariable String caseId) {
    Caller.require(identity, Roles.readers(), "read cases");
    return view(find(caseId));
  }

  @Operation(summary = "List cases, newest first, optionally of one status")
  @ApiResponse(responseCode = "200", description = "the cases (at most 500)")
  @ApiResponse(responseCode = "400", description = "an unknown status",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  public List<CaseView> list(@RequestParam(required = false) String status) {
    Caller.require(identity, Roles.readers(), "read cases");
    CaseStatus wanted = status == null ? null : status(status);
    List<SupportCase> found = wanted == null ? cases.all(LIST_LIMIT) : cases.withStatus(wanted, LIST_LIMIT);
    return Caller.asSystem(identity, () -> found.stream().map(c -> queries.view(c, CaseQueries.Detail.SUMMARY)).toList());
  }

  /** The body of a volunteering request. */
  public record Volunteering(String area) {}

  @Operation(summary = "Volunteer to investigate one more isolation area of a running Sev A case")
  @ApiResponse(responseCode = "202", description = "the investigation is being opened")
  @ApiResponse(responseCode = "409", description = "the case has no investigation running"
      + ", or another change of the case at the same moment (nothing saved: try again)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{caseId}/investigations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> volunteer(@PathVariable String caseId,
      @org.springframework.web.bind.annotation.RequestBody JsonNode body) {
    Caller.require(identity, Roles.CASE_WORKERS, "volunteer for investigations");
    JsonNode area = body == null ? null : body.get("area");
    if (area == null || !area.isTextual() || area.textValue().isBlank() || area.textValue().length() > 100) {
      throw ApiException.invalid(List.of(new FieldProblem("area", "must be an area name of 1 to 100 characters")));
    }
    actions.volunteer(find(caseId), area.textValue());
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "Raise a Sev B/C case to Sev A, which starts the swarm")
  @ApiResponse(responseCode = "202", description = "raised")
  @ApiResponse(responseCode = "409", description = "the case is not a Sev B/C case waiting for its engineer"
      + ", or another change of the case at the same moment (nothing saved: try again)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "the plan has no Sev A support",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping("/{caseId}/raise")
  public ResponseEntity<Void> raise(@PathVariable String caseId) {
    Caller.require(identity, Roles.CASE_WORKERS, "raise cases");
    actions.raise(find(caseId));
    return ResponseEntity.accepted().build();
  }

  private SupportCase find(String caseId) {
    return cases.find(caseId).orElseThrow(() -> ApiException.notFound(caseId));
  }

  private CaseView view(SupportCase c) {
    return Caller.asSystem(identity, () -> queries.view(c, CaseQueries.Detail.FULL));
  }

  private static CaseStatus status(String value) {
    try {
      return CaseStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(List.of(new FieldProblem("status",
          "must be one of " + Arrays.toString(CaseStatus.values()))));
    }
  }
}
