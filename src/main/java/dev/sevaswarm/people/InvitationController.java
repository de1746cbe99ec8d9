package dev.sevaswarm.people;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.people.Invitations.Invitation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Invitations to investigate an area: who was asked about a case, and the invitee's answer. */
@RestController
@ApiResponse(responseCode = "401", description = "no or wrong credentials")
public class InvitationController {

  static final int MAX_REASON = 1000;

  private final Invitations invitations;
  private final InvitationAnswers answers;
  private final CaseRepository cases;
  private final IdentityService identity;

  public InvitationController(Invitations invitations, InvitationAnswers answers, CaseRepository cases,
      IdentityService identity) {
    this.invitations = invitations;
    this.answers = answers;
    this.cases = cases;
    this.identity = identity;
  }

  @Operation(summary = "Who was invited to the case's areas, and what they answered")
  @ApiResponse(responseCode = "200", description = "the invitations, oldest first")
  @ApiResponse(responseCode = "403", description = "for the swarm's groups, duty managers and auditors")
  @ApiResponse(responseCode = "404", description = "no such case")
  @GetMapping(path = "/api/cases/{caseId}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Invitation> ofCase(@PathVariable String caseId) {
    Caller.require(identity, Roles.SWARM_AND_AUDITORS, "read a case's invitations");
    String id = cases.find(caseId).orElseThrow(() -> ApiException.notFound(caseId)).caseId();
    return invitations.ofCase(id);
  }

  @Operation(summary = "Accept an invitation: the area's waiting investigation becomes yours")
  @ApiResponse(responseCode = "200", description = "accepted")
  @ApiResponse(responseCode = "403", description = "only the invitee answers")
  @ApiResponse(responseCode = "404", description = "no such invitation")
  @ApiResponse(responseCode = "409", description = "answered or run out already, or the area was taken first"
      + ", or another change of the case at the same moment (nothing saved: try again)")
  @PostMapping(path = "/api/invitations/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
  public Invitation accept(@PathVariable String id) {
    return answers.accept(id, Caller.current(identity));
  }

  @Operation(summary = "Decline an invitation, saying why: the next expert on shift is asked")
  @ApiResponse(responseCode = "200", description = "declined")
  @ApiResponse(responseCode = "400", description = "no reason, or a reason over 1000 characters")
  @ApiResponse(responseCode = "403", description = "only the invitee answers")
  @ApiResponse(responseCode = "404", description = "no such invitation")
  @ApiResponse(responseCode = "409", description = "answered or run out already"
      + ", or another change of the case at the same moment (nothing saved: try again)")
  @PostMapping(path = "/api/invitations/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Invitation decline(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
    JsonNode reason = body == null ? null : body.get("reason");
    String text = reason != null && reason.isTextual() ? reason.textValue().strip() : "";
    if (text.isEmpty() || text.length() > MAX_REASON) {
      throw ApiException.invalid(List.of(new FieldProblem("reason",
          "must say why, in 1 to " + MAX_REASON + " characters (the duty manager reads it)")));
    }
    return answers.decline(id, Caller.current(identity), text);
  }
}
