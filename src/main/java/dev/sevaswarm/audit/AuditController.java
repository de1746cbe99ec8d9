package dev.sevaswarm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseId}/audit}: for auditors, duty managers and administrators only. */
@RestController
public class AuditController {

  /** The JSON answer. */
  public record Audit(String caseId, List<AuditEntry> entries) {}

  private final AuditTrail trail;
  private final AuditReads reads;
  private final CaseRepository cases;
  private final IdentityService identity;
  private final CsvMapper csv = CsvMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  public AuditController(AuditTrail trail, AuditReads reads, CaseRepository cases, IdentityService identity) {
    this.trail = trail;
    this.reads = reads;
    this.cases = cases;
    this.identity = identity;
  }

  @Operation(summary = "The whole history of a case, oldest first (JSON, or CSV with ?format=csv)")
  @ApiResponse(responseCode = "200", description = "the audit trail; reading it is recorded")
  @ApiResponse(responseCode = "400", description = "a format other than json or csv")
  @ApiResponse(responseCode = "401", description = "no or wrong credentials")
  @ApiResponse(responseCode = "403", description = "only auditors, duty managers and administrators read audits")
  @ApiResponse(responseCode = "404", description = "no such case")
  @GetMapping(path = "/api/cases/{caseId}/audit", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  public ResponseEntity<?> audit(@PathVariable String caseId, @RequestParam(defaultValue = "json") String format)
      throws JsonProcessingException {
    Caller caller = Caller.current(identity);
    if (!caller.inAnyOf(Roles.AUDIT_READERS)) {
      throw ApiException.forbidden("Only auditors, duty managers and administrators read audit trails");
    }
    if (!format.equals("json") && !format.equals("csv")) {
      throw ApiException.invalid(List.of(new FieldProblem("format", "must be json or csv")));
    }
    cases.find(caseId).orElseThrow(() -> ApiException.notFound(caseId));
    reads.record(caseId, caller.userId(), format);
    List<AuditEntry> entries = Caller.asSystem(identity, () -> trail.of(caseId));
    if (format.equals("csv")) {
      CsvSchema schema = csv.schemaFor(AuditEntry.class).withHeader();
      return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header("Content-Disposition", "attachment; filename=\"" + caseId + "-audit.csv\"")
          .body(csv.writer(schema).writeValueAsString(entries.stream().map(AuditEntry::forSpreadsheet).toList()));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Audit(caseId, entries));
  }
}
