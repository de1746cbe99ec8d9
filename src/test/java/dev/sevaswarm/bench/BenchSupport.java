package dev.sevaswarm.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** What the benchmarks share: their report, percentiles, the Sev A request and the local PostgreSQL server. */
public final class BenchSupport {

  static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
  private static final Path RESULTS = Path.of("target", "bench", "results.md");

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
  static void sql(String database, String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  /** Autovacuum's work, for a server that runs without it. */
  static void vacuumAnalyze(String database) {
    try {
      sql(database, "vacuum (analyze)");
    } catch (Exception e) {
      System.out.println("(vacuum failed: " + e.getMessage() + ")");
    }
  }

  /**
   * A real SMTP server outside the application (GreenMail on loopback, in the harness's JVM), as in
   * production, where the mail server's work is not the application's. It has answered a mail already.
   */
  static GreenMail smtpServer() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    GreenMailUtil.sendTextEmail("warm@sink.example", "harness@sink.example", "warm", "warm",
        smtp.getSmtp().getServerSetup());
    return smtp;
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
}
