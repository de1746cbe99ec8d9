package dev.sevaswarm.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** What the benchmarks share: their report, percentiles, the Sev A request and the local PostgreSQL server. */
public final class BenchSupport {

  static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
  private static final Path RESULTS = Path.of("target", "bench", "results.md");
  /** Calls a webhook sink answers per path, and mails the SMTP server takes, before the application starts. */
  private static final int WARM_CALLS = 50;
  private static final int WARM_MAILS = 10;

  private BenchSupport() {}

  /** Prints the figures and appends them to target/bench/results.md. */
  public static void report(String text) throws Exception {
    Files.createDirectories(RESULTS.getParent());
    System.out.print(text);
    Files.writeString(RESULTS, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The given percentile of sorted values, -1 for none. */
  static long pct(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  /** A Sev A Rapid Response request whose external id and title name the phase it belongs to. */
  public static String sevARequest(String title, String kind, int sequence) {
    return """
        {"externalId": "%s-%d-%s", "customer": "Contoso Retail", "contactName": "Kenji Sato",
         "contactEmail": "kenji.sato@contoso.example", "severity": "A", "plan": "RAPID_RESPONSE",
         "title": "%s %s", "description": "Stores cannot open", "businessImpact": "High"}
        """.formatted(kind, sequence, UUID.randomUUID(), title, kind);
  }

  /** Runs a statement on a database of the local PostgreSQL server. */
  static void sql(String database, String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
        Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }

  /**
   * Autovacuum's work, for a server that runs without it, and at autovacuum's pace: a VACUUM run by
   * hand is not throttled (vacuum_cost_delay 0) and took a core for seconds on a 10,000-case database,
   * which autovacuum, with its default 2 ms cost delay, would not.
   */
  static void vacuumAnalyze(String database) {
    try {
      sql(database, "set vacuum_cost_delay = '2ms'", "vacuum (analyze)");
    } catch (Exception e) {
      System.out.println("(vacuum failed: " + e.getMessage() + ")");
    }
  }

  /**
   * A real SMTP server outside the application (GreenMail on loopback, in the harness's JVM), as in
   * production, where the mail server's work is not the application's. Like a server that has long
   * been running, it has taken mail before (its own, removed again), so its code is loaded and
   * compiled when the application's first mail arrives.
   */
  static GreenMail smtpServer() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    for (int i = 0; i < WARM_MAILS; i++) {
      GreenMailUtil.sendTextEmail("warm@sink.example", "harness@sink.example", "warm", "warm " + "x".repeat(2000),
          smtp.getSmtp().getServerSetup());
    }
    smtp.purgeEmailFromAllMailboxes();
    return smtp;
  }

  /**
   * Lets a webhook sink answer calls like the application's (a JSON body of about a kilobyte, POSTed
   * to each of the paths) before the application starts, then forgets them: a Teams or Slack endpoint
   * has long been running, and a sink that is cold when the first card arrives adds its own start to
   * the first case's figure (about 100 ms on 2026-12-05, when it only had answered a GET).
   *
   * @return how long the sink took for its first call and, at the median, for its last ten
   */
  static String warm(WireMockServer sink, String... paths) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body = "{\"text\": \"" + "warm ".repeat(200) + "\"}";
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < WARM_CALLS; i++) {
      for (String path : paths) {
        long start = System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + path + "/warm"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        took.add((System.nanoTime() - start) / 1_000_000);
      }
    }
    sink.resetRequests();
    List<Long> lastTen = new ArrayList<>(took.subList(took.size() - 10, took.size()));
    Collections.sort(lastTen);
    return String.format("(the sink warmed with %d calls: the first answered after %d ms, the last ten after %d ms at the median)%n",
        took.size(), took.get(0), pct(lastTen, 50));
  }

  /** The application's properties that send its mail to that server. */
  static List<String> mailTo(GreenMail smtp) {
    return List.of("swarm.mail.embedded=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + smtp.getSmtp().getServerSetup().getPort());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * CPU time (ms) the JVM's JIT compiler threads have used so far, from Linux's per-thread counters
   * (ticks of 10 ms): while it is large the code being measured is still being compiled.
   */
  static long compilerMillis(long pid) throws Exception {
    long ticks = 0;
    try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : threads.toList()) {
        try {
          if (!Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
            continue;
          }
          String stat = Files.readString(thread.resolve("stat"));
          // after the name in parentheses: state is field 3, utime 14 and stime 15
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NoSuchFileException ended) {
          // a compiler thread that ended meanwhile (HotSpot adds and removes them as needed)
        }
      }
    }
    return ticks * 10;
  }
}
