package dev.sevaswarm.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.notify.Rehearsal;
import dev.sevaswarm.sla.ResponseTimesTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks a Sev A case once through intake (its JSON read and checked as the API does), the playbook's next step and every configured delivery,
 * in one transaction that is rolled back, before the application reports itself ready (the
 * readiness probe turns to accepting traffic after the runners). Deliveries rehearse: they compose
 * and build their messages and try their connections (the mail server greeted and left, as its
 * health check does; the webhook client calling this application's own liveness probe), and send
 * and record nothing. Nothing of it stays: no case number is taken, no row is kept, nobody is told.
 *
 * <p>Without it the first case after a start paid for loading and compiling all of that: its Teams
 * card left about 1.5 s after the request instead of 0.15 s (docs/BENCHMARKS.md).
 */
@Component
class StartUpRehearsal implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StartUpRehearsal.class);
  private static final String CASE_ID = "SW-0";

  private final CaseIntake intake;
  private final CaseRequestReader reader;
  private final ObjectMapper json;
  private final ResponseTimesTable responseTimes;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate transaction;
  private final Environment environment;
  private final MeterRegistry metrics;

  StartUpRehearsal(CaseIntake intake, CaseRequestReader reader, ObjectMapper json, ResponseTimesTable responseTimes, RuntimeService runtime,
      ManagementService management, PlatformTransactionManager transactions, Environment environment,
      MeterRegistry metrics) {
    this.metrics = metrics;
    this.intake = intake;
    this.reader = reader;
    this.json = json;
    this.responseTimes = responseTimes;
    this.runtime = runtime;
    this.management = management;
    this.transaction = new TransactionTemplate(transactions);
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    String ownUrl = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
        + "/actuator/health/liveness";
    try {
      transaction.executeWithoutResult(status -> {
        status.setRollbackOnly();
        for (Severity severity : Severity.values()) {
          for (SupportPlan plan : SupportPlan.values()) {
            responseTimes.lookUp(severity, plan); // the answers are kept; their evaluations are not
          }
        }
        SupportCase example = intake.rehearse(reader.read(json.createObjectNode()
            .put("externalId", "rehearsal-" + UUID.randomUUID()).put("customer", "Rehearsal")
            .put("contactName", "Rehearsal").put("contactEmail", "rehearsal@sevaswarm.invalid")
            .put("severity", "A").put("plan", "RAPID_RESPONSE").put("title", "Rehearsal")
            .put("description", "Nothing is sent")), CASE_ID);
        jobsOf(example.processInstanceId()).forEach(job -> management.executeJob(job.getId()));
        Rehearsal.during(ownUrl, () -> {
          runtime.createProcessInstanceQuery().processInstanceBusinessKey(CASE_ID)
              .processDefinitionKey(Playbook.Process.CASE_NOTIFICATION).list()
              .forEach(delivery -> jobsOf(delivery.getId()).forEach(job -> management.executeJob(job.getId())));
          return null;
        });
      });
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Timer.builder("swarm_startup_rehearsal").description("The start-up rehearsal of a Sev A case (nothing kept or sent)")
          .register(metrics).record(took);
      LOG.info("Rehearsed a Sev A case's intake and broadcast in {} ms; nothing was kept or sent", took.toMillis());
    } catch (RuntimeException e) {
      // a rehearsal that fails costs the first case some speed, never the start
      LOG.warn("The start-up rehearsal of a Sev A case failed; the first case will be slower", e);
    }
  }

  private List<Job> jobsOf(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).executable().list();
  }
}
