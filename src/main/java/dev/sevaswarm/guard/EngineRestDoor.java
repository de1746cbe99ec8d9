package dev.sevaswarm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.WebappLogin;
import dev.sevaswarm.room.TaskComments;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link TaskCompletionFields} in front of every way the engine's REST APIs write a task's
 * variables (completing, submitting its form, resolving, setting or removing its variables, task-wide
 * or local) and {@link StartFormFields} in front of starting a process, on {@code /engine-rest} and
 * on the API Tasklist itself uses. A refused request never reaches the engine, so nothing changes.
 */
public class EngineRestDoor extends OncePerRequestFilter {

  /** The engine REST API, under its own path or the webapps'; then the task and what is written. */
  private static final String ENGINE_REST = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  static final Pattern TASK_WRITE = Pattern.compile(ENGINE_REST
      + "/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+)(/data)?)?/?$");
  static final Pattern TASK_COMMENT = Pattern.compile(ENGINE_REST + "/task/([^/]+)/comment/create/?$");
  static final Pattern PROCESS_START = Pattern.compile(ENGINE_REST
      + "/process-definition/(?:key/([^/]+)|([^/]+))/(?:start|submit-form)/?$");

  private final TaskCompletionFields fields;
  private final StartFormFields startFields;
  private final TaskComments comments;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  public EngineRestDoor(TaskCompletionFields fields, StartFormFields startFields, TaskComments comments,
      IdentityService identity) {
    this.fields = fields;
    this.startFields = startFields;
    this.comments = comments;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String path = path(request);
    Matcher write = TASK_WRITE.matcher(path);
    Matcher start = PROCESS_START.matcher(path);
    Matcher comment = TASK_COMMENT.matcher(path);
    boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (!reads && comment.matches()) {
      byte[] body = request.getInputStream().readAllBytes();
      if (!comment(request, response, comment.group(1), parse(body).path("message").asText(""))) {
        chain.doFilter(new CachedBody(request, body), response);
      }
      return;
    }
    if (reads || !(write.matches() || start.matches())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Optional<Refusal> refusal = write.matches() ? taskWrite(write, method, body)
        : startFields.check(start.group(1), start.group(2), variables(parse(body).path("variables")));
    if (refusal.isPresent()) {
      ProblemResponse.write(response, refusal.get().status(), refusal.get().detail(), refusal.get().errors());
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** Tasklist's "Add comment": a case comment; false when there is no such task (the engine answers). */
  private boolean comment(HttpServletRequest request, HttpServletResponse response, String taskId, String message)
      throws IOException {
    Caller caller = Caller.current(identity);
    if (caller.userId() == null) {
      caller = WebappLogin.of(request).orElse(caller);
    }
    Optional<Comment> made;
    try {
      made = comments.add(taskId, caller, message);
    } catch (ApiException refused) {
      ProblemResponse.write(response, refused.status(), refused.getMessage(), refused.errors());
      return true;
    }
    if (made.isEmpty()) {
      return false;
    }
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("id", made.get().getId());
    dto.put("userId", made.get().getUserId());
    dto.put("taskId", made.get().getTaskId());
    dto.put("processInstanceId", made.get().getProcessInstanceId());
    dto.put("time", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(made.get().getTime().toInstant().atOffset(ZoneOffset.UTC)));
    dto.put("message", made.get().getFullMessage());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.getOutputStream().write(json.writeValueAsBytes(dto));
    return true;
  }

  private Optional<Refusal> taskWrite(Matcher write, String method, byte[] body) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    String name = write.group(3);
    if (name == null) {
      JsonNode document = parse(body);
      boolean modification = write.group(2).endsWith("ariables");
      values.putAll(variables(document.path(modification ? "modifications" : "variables")));
      document.path("deletions").forEach(deleted -> removed.add(deleted.asText()));
    } else if (method.equals("DELETE")) {
      removed.add(name);
    } else if (write.group(4) != null) {
      values.put(name, new Object()); // binary content is never a form field's value
    } else {
      values.put(name, value(parse(body)));
    }
    return fields.check(write.group(1), values, removed);
  }

  private Map<String, Object> variables(JsonNode variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.fields().forEachRemaining(field -> values.put(field.getKey(), value(field.getValue())));
    return values;
  }

  /** The decoded, normalised path (path parameters such as {@code ;x=1} already removed by the container). */
  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : json.readTree(body);
      return node == null ? json.createObjectNode() : node;
    } catch (IOException notJson) {
      return json.createObjectNode(); // the engine refuses it itself
    }
  }

  /** A typed value of the engine REST API ({@code {"value": ..., "type": ...}}) as a plain Java value. */
  private Object value(JsonNode typed) {
    JsonNode value = typed.path("value");
    String type = typed.path("type").asText("");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      if (type.equalsIgnoreCase("json") && value.textValue().trim().startsWith("[")) {
        try {
          return json.convertValue(json.readTree(value.textValue()), List.class);
        } catch (IOException notJson) {
          return value.textValue();
        }
      }
      return value.textValue();
    }
    return json.convertValue(value, Object.class);
  }

  /** The request with its body read once and offered again to the engine. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
