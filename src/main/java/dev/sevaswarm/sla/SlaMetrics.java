package dev.sevaswarm.sla;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SLA as numbers on {@code /actuator/prometheus}. Counters and histograms count what happened
 * since this node started (Prometheus copes with the reset of a restart); the open-case gauges
 * are read from the database, so they are right after a restart and the same on every node.
 */
@Component
public class SlaMetrics {

  private static final double[] SLA_BUCKETS_SECONDS = {60, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};
  private static final Duration GAUGE_CACHE = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final CaseRepository cases;
  private Map<String, Long> openCases = Map.of();
  private Instant openCasesReadAt = Instant.EPOCH;

  public SlaMetrics(MeterRegistry registry, CaseRepository cases) {
    this.registry = registry;
    this.cases = cases;
    for (Severity severity : Severity.values()) {
      for (CaseStatus status : List.of(CaseStatus.OPEN, CaseStatus.INVESTIGATING, CaseStatus.RESOLVED)) {
        Gauge.builder("swarm_open_cases", this, metrics -> metrics.openCases(severity, status))
            .description("Cases not yet closed, by severity and status (from the database)")
            .tag("severity", severity.name()).tag("status", status.name())
            .register(registry);
      }
    }
  }

  public void firstResponse(String severity, String plan, Duration sinceIntake) {
    summary("swarm_first_response_seconds", "From intake (or raise) to the first response", sinceIntake,
        "severity", severity, "plan", plan);
  }

  public void rootCauseFound(String severity, Duration sinceIntake) {
    summary("swarm_time_to_root_cause_seconds", "From intake to the finding that named the root cause", sinceIntake,
        "severity", severity);
  }

  public void resolved(String severity, Duration sinceIntake) {
    summary("swarm_time_to_resolution_seconds", "From intake to the customer confirming the fix", sinceIntake,
        "severity", severity);
  }

  /** A finding posted, by area and verdict: which areas find root causes, and how often. */
  public void finding(String area, String verdict) {
    Counter.builder("swarm_findings").description("Findings posted, by isolation area and verdict")
        .tag("area", area).tag("verdict", verdict).register(registry).increment();
  }

  /** A contribution the owner marked helpful, by what it was (comment, finding). */
  public void helpful(String kind) {
    Counter.builder("swarm_helpful_contributions").description("Contributions marked helpful by the case's owner")
        .tag("kind", kind).register(registry).increment();
  }

  public void breach(String severity, String plan) {
    Counter.builder("swarm_sla_breaches").description("First responses that missed their deadline")
        .tag("severity", severity).tag("plan", plan).register(registry).increment();
  }

  public void warning(String severity, String plan) {
    Counter.builder("swarm_sla_warnings").description("Warnings that a first response is nearly due")
        .tag("severity", severity).tag("plan", plan).register(registry).increment();
  }

  public void customerUpdateMissed(String severity) {
    Counter.builder("swarm_customer_updates_missed").description("Promised customer updates that came due unsent")
        .tag("severity", severity).register(registry).increment();
  }

  private void summary(String name, String description, Duration value, String... tags) {
    DistributionSummary.builder(name).description(description).baseUnit("seconds").tags(tags)
        .serviceLevelObjectives(SLA_BUCKETS_SECONDS).register(registry).record(Math.max(0, value.toSeconds()));
  }

  private synchronized double openCases(Severity severity, CaseStatus status) {
    if (Instant.now().isAfter(openCasesReadAt.plus(GAUGE_CACHE))) {
      Map<String, Long> counts = new HashMap<>();
      for (Map<String, Object> row : cases.countsBySeverityAndStatus()) {
        counts.put(row.get("SEVERITY") + "/" + row.get("STATUS"), ((Number) row.get("CASES")).longValue());
      }
      openCases = counts;
      openCasesReadAt = Instant.now();
    }
    return openCases.getOrDefault(severity + "/" + status, 0L);
  }
}
