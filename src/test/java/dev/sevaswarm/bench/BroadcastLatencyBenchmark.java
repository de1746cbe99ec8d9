package dev.sevaswarm.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.sevaswarm.bench.BenchSupport.DATABASES;
import static dev.sevaswarm.bench.BenchSupport.pct;
import static dev.sevaswarm.bench.BenchSupport.report;
import static dev.sevaswarm.bench.BenchSupport.sevARequest;
import static dev.sevaswarm.bench.BenchSupport.sql;
import static dev.sevaswarm.bench.BenchSupport.vacuumAnalyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import dev.sevaswarm.recovery.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Intake → first delivery, measured the way someone outside would: the application in a JVM of its
 * own with Camunda's default job-acquisition waits, all four deliveries of a new Sev A case
 * configured (Teams and Slack webhooks, answered by WireMock on loopback; team and account-team mail
 * through a real SMTP server, GreenMail on loopback), and {@code POST /api/cases} from an HTTP client.
 * A case's latency runs from just before its request is sent to the moment the sink logs the card.
 * Phases: the first case after start-up, idle (one case, then a pause), and steady rates.
 *
 * <p>Run: {@code mvn -Pbench test -Dtest=BroadcastLatencyBenchmark} (PostgreSQL must be up for its
 * half; {@code -Dbench.databases=h2} skips it). Prints the figures and appends them to
 * target/bench/results.md; docs/BENCHMARKS.md records them.
 */
@Tag("bench")
class BroadcastLatencyBenchmark {

  private static final int IDLE_CASES = Integer.getInteger("bench.idleCases", 20);
  private static final int PACED_SECONDS = Integer.getInteger("bench.pacedSeconds", 30);
  private static final List<Integer> RATES = List.of(System.getProperty("bench.rates", "1,3,5,8").split(","))
      .stream().map(Integer::valueOf).toList();
  private static final Pattern CASE_ID = Pattern.compile("(SW-\\d+)");

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Long> sent = new ConcurrentHashMap<>();
  private final List<Long> answers = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile String lastCase;

  @Test
  void intakeToFirstDelivery() throws Exception {
    report("\n## Intake → delivery, outside harness, " + Instant.now() + " (" + Runtime.getRuntime().availableProcessors()
        + " cores)\n");
    if (DATABASES.contains("h2")) {
      measure("H2 (embedded file)", List.of("SPRING_PROFILES_ACTIVE=demo"));
    }
    if (DATABASES.contains("postgres")) {
      String database = "sevaswarm_latency_" + System.nanoTime() % 100000;
      sql("postgres", "create database " + database);
      ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor();
      try {
        // this machine's PostgreSQL runs without autovacuum: do its work on its schedule (docs/BENCHMARKS.md)
        upkeep.scheduleWithFixedDelay(() -> vacuumAnalyze(database), 10, 10, TimeUnit.SECONDS);
        measure("PostgreSQL (local, VACUUM ANALYZE every 10 s)", List.of("SPRING_PROFILES_ACTIVE=postgres,demo",
            "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/" + database, "SPRING_DATASOURCE_USERNAME=postgres"));
      } finally {
        upkeep.shutdownNow();
        upkeep.awaitTermination(1, TimeUnit.MINUTES);
        sql("postgres", "drop database if exists " + database + " with (force)");
      }
    }
  }

  private void measure(String label, List<String> environment) throws Exception {
    WireMockServer sink = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .containerThreads(32).asynchronousResponseEnabled(true));
    sink.start();
    sink.stubFor(post(urlPathMatching("/(teams|slack)/.*")).willReturn(ok("1")));
    GreenMail smtp = BenchSupport.smtpServer();
    // the sinks stand for servers that have long been running
    String warmed = BenchSupport.warm(sink, "/teams", "/slack");
    Path dir = Files.createTempDirectory("latency");
    List<String> env = new ArrayList<>(environment);
    String javaOptions = System.getProperty("bench.appJavaOptions");
    if (javaOptions != null) {
      env.add("JAVA_TOOL_OPTIONS=" + javaOptions);
    }
    try (AppProcess app = new AppProcess(dir, Path.of("target", "bench", "latency-" + label.split(" ")[0] + ".log"))) {
      List<String> properties = new ArrayList<>(BenchSupport.mailTo(smtp));
      properties.addAll(List.of("swarm.broadcast.teams-webhook-url=" + sink.baseUrl() + "/teams/bench",
          "swarm.broadcast.slack-webhook-url=" + sink.baseUrl() + "/slack/bench",
          "logging.level.root=WARN",
          // the demo's engineers keep their profiles, as for anyone who runs the demo: the take-ownership
          // form's suggestions are made in the transaction whose commit the broadcast waits for
          "swarm.people.demo-profiles=true",
          // Camunda's defaults: a card must leave because its job wakes the executor, not because it polls often
          "camunda.bpm.job-execution.wait-time-in-millis=5000", "camunda.bpm.job-execution.max-wait=60000"));
      app.start(env, properties.toArray(String[]::new));
      report("\n### " + label + "\n");
      report("(each case: a Teams card, a Slack message, a team mail and an account-team mail)\n");
      report(warmed);

      // the harness does not poll the sink while a card is on its way (that would take CPU from the
      // application on the same cores): it waits, and reads the sink's own arrival times afterwards
      sent.clear();
      answers.clear();
      send(app, "FIRST");
      awaitAllDelivered(sink, smtp);
      report(String.format("- first case after start-up: Teams card after **%d ms**, `201` after %d ms%n",
          latencies(sink, "/teams/").get(0), answers.get(0)));
      report(hops(app, "the first case's jobs"));

      idle(app, sink, smtp, "idle right after start-up");

      awaitAllDelivered(sink, smtp);

      for (int rate : RATES) {
        sink.resetRequests();
        sent.clear();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long start = System.currentTimeMillis() + 200;
        List<Future<?>> calls = new ArrayList<>();
        int count = rate * PACED_SECONDS;
        for (int i = 0; i < count; i++) {
          long due = start + i * 1000L / rate;
          calls.add(clients.submit(() -> {
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            send(app, "PACED");
            return null;
          }));
        }
        for (Future<?> call : calls) {
          call.get();
        }
        clients.shutdown();
        awaitAllDelivered(sink, smtp);
        report(line(rate + " cases/s for " + PACED_SECONDS + " s", latencies(sink, "/teams/")));
        report(line("  the same cases' Slack messages", latencies(sink, "/slack/")));
      }
      idle(app, sink, smtp, "idle again, after the paced phases");
      app.stop();
    } finally {
      sink.stop();
      smtp.stop();
    }
  }

  /** One case every 2 s: the common day of a support team, whose Sev A cases do not come in bursts. */
  private void idle(AppProcess app, WireMockServer sink, GreenMail smtp, String phase) throws Exception {
    sink.resetRequests();
    sent.clear();
    answers.clear();
    for (int i = 0; i < IDLE_CASES; i++) {
      send(app, "IDLE");
      Thread.sleep(2000);
    }
    awaitAllDelivered(sink, smtp);
    report(line(phase + " (one case every 2 s, " + IDLE_CASES + " cases)", latencies(sink, "/teams/")));
    report(line("  their `201` answers", sortedCopy(answers)));
    report(hops(app, "the last of these cases' jobs"));
  }

  private void send(AppProcess app, String kind) throws Exception {
    long before = System.currentTimeMillis();
    var answer = app.post("intake", "/api/cases", request(kind));
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("intake answered " + answer.statusCode() + ": " + answer.body());
    }
    answers.add(System.currentTimeMillis() - before);
    lastCase = json.readTree(answer.body()).get("caseId").asText();
    sent.put(lastCase, before);
  }

  /** Where the last case's time went: each job of its processes, from the request on (engine job log). */
  private String hops(AppProcess app, String title) throws Exception {
    long requested = sent.get(lastCase);
    List<String> lines = new ArrayList<>();
    for (var instance : json.readTree(app.get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + lastCase).body())) {
      for (var entry : json.readTree(app.get("admin", "/engine-rest/history/job-log?processInstanceId="
          + instance.get("id").asText()).body())) {
        long at = java.time.OffsetDateTime.parse(entry.get("timestamp").asText(),
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toEpochMilli();
        String state = entry.get("creationLog").asBoolean() ? "created" : entry.get("successLog").asBoolean() ? "done"
            : entry.get("failureLog").asBoolean() ? "failed" : "deleted";
        lines.add(String.format("%6d ms  %-8s %s / %s", at - requested, state,
            instance.get("processDefinitionKey").asText(), entry.get("activityId").asText()));
      }
    }
    Collections.sort(lines);
    return "  (" + title + ", from its request: the engine's job log)\n" + lines.stream()
        .map(l -> "      " + l + "\n").reduce("", String::concat);
  }

  /** Every case sent has its card, its Slack message and its two mails. */
  private void awaitAllDelivered(WireMockServer sink, GreenMail smtp) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      if (latencies(sink, "/teams/").size() >= sent.size() && latencies(sink, "/slack/").size() >= sent.size()) {
        break;
      }
      Thread.sleep(200);
    }
    int mails = smtp.getReceivedMessages().length;
    report(String.format("  (%d cases sent so far in this phase; %d mails received in all)%n", sent.size(), mails));
  }

  private List<ServeEvent> cards(WireMockServer sink, String path) {
    return sink.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).toList();
  }

  private List<Long> latencies(WireMockServer sink, String path) {
    return latencies(cards(sink, path));
  }

  /** Latencies of the intake broadcasts among these requests (a case's first card only), oldest first. */
  private List<Long> latencies(List<ServeEvent> events) {
    List<ServeEvent> oldestFirst = new ArrayList<>(events);
    oldestFirst.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
    List<Long> result = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ServeEvent event : oldestFirst) {
      Matcher m = CASE_ID.matcher(event.getRequest().getBodyAsString());
      if (m.find() && sent.containsKey(m.group(1)) && seen.add(m.group(1))) {
        result.add(event.getRequest().getLoggedDate().getTime() - sent.get(m.group(1)));
      }
    }
    return result;
  }

  private static List<Long> sortedCopy(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  private static String line(String phase, List<Long> values) {
    List<Long> sorted = sortedCopy(values);
    return String.format("- %s: %d cards, p50 %d ms, p95 %d ms, p99 **%d ms**, max %d ms%n", phase, sorted.size(),
        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
  }

  private String request(String kind) {
    return sevARequest("Latency", kind, sequence.incrementAndGet());
  }
}
