package dev.sevaswarm.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The application in a JVM of its own (demo profile, H2 file database, embedded SMTP sink), so a
 * test can kill it with SIGKILL and start it again on the same files.
 */
public final class AppProcess implements AutoCloseable {

  private final Path dataDir;
  private final int httpPort;
  private final int smtpPort;
  private final Path log;
  private Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public AppProcess(Path dataDir, Path log) throws IOException {
    this.dataDir = dataDir;
    this.httpPort = freePort();
    this.smtpPort = freePort();
    this.log = log.toAbsolutePath();
  }

  /**
   * An application for a crash test: a data folder of its own (a fresh H2 file) and its output in
   * {@code target/crash-test/<name>.log}, emptied first.
   */
  public static AppProcess fresh(String name) throws IOException {
    Path log = Path.of("target", "crash-test", name + ".log");
    Files.deleteIfExists(log);
    return new AppProcess(Files.createTempDirectory("sev-a-swarm-" + name), log);
  }

  /** Where the application keeps its H2 file (and the intake journal beside it). */
  public Path dataDir() {
    return dataDir.resolve("data");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public void start(String... extraProperties) throws Exception {
    start(List.of(), extraProperties);
  }

  /** Starts with extra environment variables (e.g. a datasource) and system properties. */
  public void start(List<String> environment, String... extraProperties) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dserver.port=" + httpPort);
    command.add("-Dswarm.mail.embedded-port=" + smtpPort);
    command.add("-Dcamunda.bpm.job-execution.wait-time-in-millis=200");
    command.add("-Dcamunda.bpm.job-execution.max-wait=1000");
    command.add("-Dswarm.people.demo-profiles=false"); // no invitations that depend on the hour of the run
    for (String property : extraProperties) {
      command.add("-D" + property);
    }
    command.add("dev.sevaswarm.SevASwarmApplication");
    Files.createDirectories(log.getParent());
    // run in the data folder: the default configuration's H2 file (./data/...) is exactly what is tested
    ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    for (String variable : environment) {
      int eq = variable.indexOf('=');
      builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    process = builder.start();
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application died at start-up; see " + log);
      }
      try {
        // ready: started, and done with its start-up rehearsal (what a load balancer asks before sending work)
        if (get(null, "/actuator/health/readiness").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The application did not start within 2 minutes; see " + log);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  /** Stops the application as an operator would (SIGTERM), so that it writes what it holds, e.g. a flight recording. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }

  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return send(request(user, path, null).GET(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
    return send(request(user, path, "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> put(String user, String path, String json) throws IOException, InterruptedException {
    return send(request(user, path, "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A body that is not JSON (a multipart deployment, say); answers the status. */
  public int postRaw(String user, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(request(user, path, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * The body of an engine-REST task completion: {"variables": {name: {"value": value}}} for the
   * given names (from the variable catalogue) and values, in pairs.
   */
  public static String taskVariables(Object... namesAndValues) {
    ObjectNode variables = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.putObject((String) namesAndValues[i]).putPOJO("value", namesAndValues[i + 1]);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private HttpRequest.Builder request(String user, String path, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
        .timeout(Duration.ofSeconds(30));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    auth(request, user);
    return request;
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(request.build(), body);
  }


  public long pid() {
    return process.pid();
  }

  private static void auth(HttpRequest.Builder request, String user) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
    org.springframework.util.FileSystemUtils.deleteRecursively(dataDir.toFile());
  }
}
