package dev.sevaswarm.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: administrators issue, list and revoke the tokens integrations call with. */
@RestController
@RequestMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@ApiResponse(responseCode = "401", description = "no or wrong credentials")
@ApiResponse(responseCode = "403", description = "only administrators manage tokens")
public class TokenController {

  /** The answer to an issue: the token's text, shown this once. */
  public record IssuedToken(String id, String token, String userId, String name, OffsetDateTime createdAt) {}

  private static final int NAME_MAX = 100;

  private final ApiTokens tokens;
  private final IdentityService identity;

  public TokenController(ApiTokens tokens, IdentityService identity) {
    this.tokens = tokens;
    this.identity = identity;
  }

  @Operation(summary = "Issue a token that acts as a user; the token is in this answer and nowhere else")
  @ApiResponse(responseCode = "201", description = "issued")
  @ApiResponse(responseCode = "400", description = "no such user, or a missing name")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<IssuedToken> issue(@RequestBody JsonNode body) {
    String admin = requireAdmin();
    String userId = text(body, "userId");
    String name = text(body, "name");
    List<FieldProblem> problems = new ArrayList<>();
    if (userId == null || Caller.asSystem(identity, () -> identity.createUserQuery().userId(userId).count()) == 0) {
      problems.add(new FieldProblem("userId", "must name an existing user"));
    }
    if (name == null || name.isBlank()) {
      problems.add(new FieldProblem("name", "must say what the token is for, e.g. zendesk"));
    } else {
      FieldLimits.problem(name, NAME_MAX).ifPresent(p -> problems.add(new FieldProblem("name", p)));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    ApiTokens.Issued issued = tokens.issue(userId, name.trim(), admin);
    return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id())).body(new IssuedToken(
        issued.token().id(), issued.secret(), userId, issued.token().name(), issued.token().createdAt()));
  }

  @Operation(summary = "The tokens issued, without their text")
  @ApiResponse(responseCode = "200", description = "the tokens")
  @GetMapping
  public List<ApiTokens.ApiToken> list() {
    requireAdmin();
    return tokens.all();
  }

  @Operation(summary = "Revoke a token: calls with it are refused from now on")
  @ApiResponse(responseCode = "204", description = "revoked")
  @ApiResponse(responseCode = "404", description = "no such token")
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> revoke(@PathVariable String id) {
    requireAdmin();
    if (!tokens.revoke(id)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "No token " + id);
    }
    return ResponseEntity.noContent().build();
  }

  private String requireAdmin() {
    Caller caller = Caller.current(identity);
    if (!caller.inAnyOf(List.of(Playbook.Group.CAMUNDA_ADMIN))) {
      throw ApiException.forbidden("Only administrators manage API tokens");
    }
    return caller.userId();
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body == null ? null : body.get(field);
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
