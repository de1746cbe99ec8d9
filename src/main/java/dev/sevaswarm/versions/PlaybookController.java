package dev.sevaswarm.versions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/playbook/migrations}: process owners move running cases to the latest playbook. */
@RestController
public class PlaybookController {

  private final PlaybookMigrations migrations;
  private final IdentityService identity;

  public PlaybookController(PlaybookMigrations migrations, IdentityService identity) {
    this.migrations = migrations;
    this.identity = identity;
  }

  @Operation(summary = "Migrate running cases of older playbook versions to the latest version",
      description = "Optional body {\"processKeys\": [...]}; by default the playbook's processes. Answers which "
          + "instances moved and which could not, with the reason.")
  @ApiResponse(responseCode = "200", description = "which cases moved and which could not")
  @ApiResponse(responseCode = "400", description = "an unknown process key")
  @ApiResponse(responseCode = "401", description = "no or wrong credentials")
  @ApiResponse(responseCode = "403", description = "only process owners and administrators migrate cases")
  @PostMapping(path = "/api/playbook/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
  public PlaybookMigrations.Report migrate(@RequestBody(required = false) JsonNode body) {
    if (!Caller.current(identity).inAnyOf(Roles.PLAYBOOK_OWNERS)) {
      throw ApiException.forbidden("Only process owners migrate running cases");
    }
    List<String> keys = PlaybookMigrations.PLAYBOOK;
    if (body != null && body.has("processKeys")) {
      JsonNode given = body.get("processKeys");
      if (!given.isArray() || given.isEmpty()) {
        throw ApiException.invalid(List.of(new FieldProblem("processKeys", "must be a non-empty array of process keys")));
      }
      keys = new ArrayList<>();
      for (JsonNode key : given) {
        keys.add(key.asText());
      }
    }
    List<String> chosen = keys;
    return Caller.asSystem(identity, () -> migrations.migrateToLatest(chosen));
  }
}
