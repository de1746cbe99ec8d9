package dev.sevaswarm.intake;

import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** A new support request, as intake systems send it to {@code POST /api/cases}. */
public record CaseRequest(
    @NotBlank @Size(max = 200) String externalId,
    @NotBlank @Size(max = 200) String customer,
    @NotBlank @Size(max = 200) String contactName,
    @NotBlank @Email @Size(max = 320) String contactEmail,
    @NotNull Severity severity,
    @NotNull SupportPlan plan,
    @NotBlank @Size(max = 300) String title,
    @NotBlank @Size(max = 20000) String description,
    @Size(max = 5000) String businessImpact,
    OffsetDateTime recoverBy,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> services) {}
