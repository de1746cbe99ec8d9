package dev.sevaswarm.intake;

import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A new support request, as intake systems send it to {@code POST /api/cases}. The sizes are
 * {@link FieldLimits}'s, which the forms and the database columns share; texts hold no control
 * characters, the e-mail address follows {@link dev.sevaswarm.cases.EmailAddresses} and times have
 * a real offset ({@link dev.sevaswarm.cases.Times#problem}): {@link CaseRequestReader} checks those.
 */
public record CaseRequest(
    @NotBlank @Size(max = FieldLimits.NAME) String externalId,
    @NotBlank @Size(max = FieldLimits.NAME) String customer,
    @NotBlank @Size(max = FieldLimits.NAME) String contactName,
    @NotBlank @Size(max = FieldLimits.EMAIL) @Schema(format = "email", example = "kenji.sato@contoso.example")
    String contactEmail,
    @NotNull Severity severity,
    @NotNull SupportPlan plan,
    @NotBlank @Size(max = FieldLimits.TITLE) String title,
    @NotBlank @Size(max = FieldLimits.LONG_TEXT) String description,
    @Size(max = FieldLimits.LONG_TEXT) String businessImpact,
    @Schema(description = "ISO-8601 with an offset between -14:00 and +14:00, years 1970 to 9999")
    OffsetDateTime recoverBy,
    @Size(max = FieldLimits.SERVICES) List<@NotBlank @Size(max = FieldLimits.SERVICE) String> services,
    @Schema(description = "the customer's language: en or ja (default swarm.customer.default-locale)", example = "ja")
    String locale,
    @Schema(description = "the customer's IANA time zone (default swarm.customer.default-time-zone)",
        example = "Asia/Tokyo")
    String timeZone) {}
