package dev.sevaswarm.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SLA metrics after cases whose outcome the test knows. */
class SlaMetricsTest extends ProcessTestSupport {

  @Autowired MeterRegistry registry;

  private double counter(String name, String severity, String plan) {
    Counter counter = registry.find(name).tag("severity", severity).tag("plan", plan).counter();
    return counter == null ? 0 : counter.count();
  }

  private long firstResponses(String severity, String plan) {
    DistributionSummary summary = registry.find("swarm_first_response_seconds").tag("severity", severity)
        .tag("plan", plan).summary();
    return summary == null ? 0 : summary.count();
  }

  private double openCases(String severity, String status) {
    Gauge gauge = registry.find("swarm_open_cases").tag("severity", severity).tag("status", status).gauge();
    return gauge.value();
  }

  @Test
  void oneBreachCountsOnce_andItsLateFirstResponseIsMeasured() {
    double breaches = counter("swarm_sla_breaches", "A", "STANDARD");
    double warnings = counter("swarm_sla_warnings", "A", "STANDARD");
    long responses = firstResponses("A", "STANDARD");
    ProcessInstance swarm = swarmOf(openCase("A", "STANDARD"));

    fireTimer(swarm, "Timer_FirstResponseWarning");
    runJob(swarm, "ServiceTask_WarnDutyManager");
    fireTimer(swarm, "Timer_FirstResponseDeadline");
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "Sorry for the wait").putValue(Var.ISOLATION_AREAS, "network")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));

    assertThat(counter("swarm_sla_breaches", "A", "STANDARD")).isEqualTo(breaches + 1);
    assertThat(counter("swarm_sla_warnings", "A", "STANDARD")).isEqualTo(warnings + 1);
    assertThat(firstResponses("A", "STANDARD")).isEqualTo(responses + 1);
    DistributionSummary summary = registry.find("swarm_first_response_seconds").tag("severity", "A")
        .tag("plan", "STANDARD").summary();
    assertThat(summary.max()).as("an hour late at the least").isGreaterThanOrEqualTo(3600);
  }

  @Test
  void openCaseGauges_followTheCasesInTheDatabase() {
    double open = openCases("B", "OPEN");
    double investigating = openCases("B", "INVESTIGATING");
    ProcessInstance request = openCase("B", "PROFESSIONAL_DIRECT");
    // the gauges read the database at most every five seconds
    await().atMost(Duration.ofSeconds(10)).until(() -> openCases("B", "OPEN") == open + 1);

    tasks.claim(task(request, Task.HANDLE_CASE).getId(), "eng-os");
    await().atMost(Duration.ofSeconds(10)).until(() -> openCases("B", "INVESTIGATING") == investigating + 1);
    assertThat(openCases("B", "OPEN")).isEqualTo(open);
  }
}
