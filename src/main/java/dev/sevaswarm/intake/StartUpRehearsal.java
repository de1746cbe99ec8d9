package dev.sevaswarm.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.DiskSync;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.notify.Rehearsal;
import dev.sevaswarm.sla.ResponseTimesTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks a Sev A case through intake (its JSON read and checked as the API does), the playbook's
 * next step, the swarm's owner task and every configured delivery, in a transaction that is rolled
 * back, before the application reports itself ready (the readiness probe turns to accepting traffic
 * after the listeners of the ready event). Deliveries rehearse: they compose and build their
 * messages, the first round also tries their connections (the mail server greeted and left, as its
 * health check does; the webhook client calling this application's own liveness probe); they send
 * and record nothing. Nothing of it stays: no case number is taken, no row is kept, nobody is told.
 * Later rounds, up to ten seconds' worth, let the JVM compile the hot paths (90 rounds in 9-10 s on
 * a slow 2-core machine: the first case's Teams card 183-227 ms after its request and the cases of
 * the first minute p99 134-145 ms, against 237-270 and 163-178 ms after 30 rounds in 5 s).
 *
 * <p>Without it the first case after a start paid for loading and compiling all of that: its Teams
 * card left 1.1 to 2.5 s after the request, and the cases of the first minutes about 150 ms later
 * than those after (docs/BENCHMARKS.md).
 */
@Component
class StartUpRehearsal {

  private static final Logger LOG = LoggerFactory.getLogger(StartUpRehearsal.class);
  /** The rehearsals' case ids: SW-00, SW-01, ... (real cases start at SW-1001 and never begin with a 0). */
  private static final String CASE_ID = "SW-0";
  private static final int THREADS = 4;
  private static final int MAX_ROUNDS = 90;
  /** What the rounds may take at most, the first included. */
  private static final Duration BUDGET = Duration.ofSeconds(10);
  /** How long start-up waits at most for the compiler to finish, and over what window it looks. */
  private static final Duration QUIET_BUDGET = Duration.ofSeconds(5);
  private static final Duration QUIET_WINDOW = Duration.ofMillis(200);

  private final CaseIntake intake;
  private final CaseQueries queries;
  private final IdentityService identity;
  private final CaseRequestReader reader;
  private final ObjectMapper json;
  private final ResponseTimesTable responseTimes;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate transaction;
  private final Environment environment;
  private final MeterRegistry metrics;
  private final DiskSync disk;

  StartUpRehearsal(CaseIntake intake, CaseQueries queries, IdentityService identity, CaseRequestReader reader, ObjectMapper json, ResponseTimesTable responseTimes, RuntimeService runtime,
      ManagementService management, PlatformTransactionManager transactions, Environment environment,
      MeterRegistry metrics, DiskSync disk) {
    this.metrics = metrics;
    this.disk = disk;
    this.intake = intake;
    this.queries = queries;
    this.identity = identity;
    this.reader = reader;
    this.json = json;
    this.responseTimes = responseTimes;
    this.runtime = runtime;
    this.management = management;
    this.transaction = new TransactionTemplate(transactions);
    this.environment = environment;
  }

  /**
   * After the groups and their authorizations (AccessSetup) and the demo data are in place, and
   * last of our start-up steps: what ran after its wait for the compiler would share the cores with
   * the compiler again when the first case arrives (StartUpOrderTest).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  public void run() {
    long started = System.nanoTime();
    String ownUrl = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
        + "/actuator/health/liveness";
    try {
      // the first round loads the code and tries the connections; the next ones, on as many threads
      // as the job executor has (each with a connection of its own from the pool), let the JVM compile
      // the hot paths and the database know the statements, within a bounded time
      rehearse(CASE_ID + "0", ownUrl);
      AtomicInteger rounds = new AtomicInteger(1);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String caseId = CASE_ID + (t + 1);
          done.add(threads.submit(() -> {
            while (rounds.getAndIncrement() < MAX_ROUNDS && System.nanoTime() - started < BUDGET.toNanos()) {
              rehearse(caseId, null);
            }
          }));
        }
        for (Future<?> thread : done) {
          thread.get();
        }
      } finally {
        threads.shutdownNow();
      }
      // what start-up wrote (migrations, deployments, users) goes to disk now, not in the first case's sync
      disk.committedDataToDisk();
      Duration rehearsing = Duration.ofNanos(System.nanoTime() - started);
      Duration compiling = awaitQuietProcess();
      Duration took = rehearsing.plus(compiling);
      Timer.builder("swarm_startup_rehearsal")
          .description("The start-up rehearsal of a Sev A case (nothing kept or sent) and the wait for the JIT compiler after it")
          .register(metrics).record(took);
      LOG.info("Rehearsed a Sev A case's intake and broadcast {} times in {} ms, then let the JIT compiler finish"
          + " for {} ms; nothing was kept or sent", Math.min(rounds.get(), MAX_ROUNDS), rehearsing.toMillis(), compiling.toMillis());
    } catch (RuntimeException | ExecutionException e) {
      // a rehearsal that fails costs the first case some speed, never the start
      LOG.warn("The start-up rehearsal of a Sev A case failed; the first case will be slower", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until the process is quiet, at most {@link #QUIET_BUDGET}. The rehearsal leaves the JIT
   * compiler a queue of hot methods that takes it a second or more of CPU to work off; on two cores,
   * a first case that arrives meanwhile shares them with the compiler threads and took twice as long
   * as the cases after it (docs/BENCHMARKS.md, "The first case after start-up").
   *
   * @return how long it waited
   */
  private Duration awaitQuietProcess() throws InterruptedException {
    if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
      return Duration.ZERO;
    }
    long started = System.nanoTime();
    long cpu = os.getProcessCpuTime();
    if (cpu < 0) {
      return Duration.ZERO; // not measured on this platform
    }
    while (System.nanoTime() - started < QUIET_BUDGET.toNanos()) {
      Thread.sleep(QUIET_WINDOW.toMillis());
      long now = os.getProcessCpuTime();
      if (now - cpu < QUIET_WINDOW.toNanos() / 10) {
        break; // under a tenth of one core busy over the window
      }
      cpu = now;
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * One case, from its JSON to its deliveries, in a transaction that is rolled back.
   *
   * @param ownUrl where the first round asks every response time and tries the channels'
   *     connections; null in the later rounds
   */
  private void rehearse(String caseId, String ownUrl) {
    transaction.executeWithoutResult(status -> {
      status.setRollbackOnly();
      if (ownUrl != null) {
        for (Severity severity : Severity.values()) {
          for (SupportPlan plan : SupportPlan.values()) {
            responseTimes.lookUp(severity, plan); // the answers are kept; their evaluations are not
          }
        }
      }
      // opened as the API opens it: as a caller of the intake group (so the engine checks its
      // authorizations as it will for the first case), answered with the JSON a 201 carries
      identity.setAuthentication(CaseThread.SYSTEM, List.of(Playbook.Group.SUPPORT_INTAKE));
      SupportCase example;
      try {
        example = intake.rehearse(reader.read(json.createObjectNode()
            .put("externalId", "rehearsal-" + UUID.randomUUID()).put("customer", "Rehearsal")
            .put("contactName", "Rehearsal").put("contactEmail", "rehearsal@sevaswarm.invalid")
            .put("severity", "A").put("plan", "RAPID_RESPONSE").put("title", "Rehearsal")
            .put("description", "Nothing is sent")), caseId);
        json.writeValueAsBytes(queries.justOpened(example));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      } finally {
        identity.clearAuthentication();
      }
      jobsOf(example.processInstanceId()).forEach(job -> management.executeJob(job.getId()));
      // the swarm's own first step: the owner task, with who to ask and its deadlines
      runtime.createProcessInstanceQuery().superProcessInstanceId(example.processInstanceId()).list()
          .forEach(swarm -> jobsOf(swarm.getId()).forEach(job -> management.executeJob(job.getId())));
      Rehearsal.during(ownUrl, () -> {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
            .processDefinitionKey(Playbook.Process.CASE_NOTIFICATION).list()
            .forEach(delivery -> jobsOf(delivery.getId()).forEach(job -> management.executeJob(job.getId())));
        return null;
      });
    });
  }

  private List<Job> jobsOf(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).executable().list();
  }
}
