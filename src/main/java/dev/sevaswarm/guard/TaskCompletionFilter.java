package dev.sevaswarm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.FieldProblem;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link TaskCompletionFields} in front of every way the engine's REST APIs write a task's
 * variables: completing, submitting its form, resolving, and setting or removing its variables
 * (task-wide or local), on {@code /engine-rest} and on the API Tasklist itself uses. A refused
 * request never reaches the engine, so nothing changes.
 */
public class TaskCompletionFilter extends OncePerRequestFilter {

  /** The engine REST API, under its own path or the webapps'; then the task and what is written. */
  static final Pattern TASK_WRITE = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
      + "/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+)(/data)?)?/?$");

  private final TaskCompletionFields fields;
  private final ObjectMapper json = new ObjectMapper();

  public TaskCompletionFilter(TaskCompletionFields fields) {
    this.fields = fields;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    Matcher write = TASK_WRITE.matcher(path(request));
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !write.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    String name = write.group(3);
    if (name == null) {
      JsonNode document = parse(body);
      boolean modification = write.group(2).endsWith("ariables");
      JsonNode variables = document.path(modification ? "modifications" : "variables");
      variables.fields().forEachRemaining(field -> values.put(field.getKey(), value(field.getValue())));
      document.path("deletions").forEach(deleted -> removed.add(deleted.asText()));
    } else if (method.equals("DELETE")) {
      removed.add(name);
    } else if (write.group(4) != null) {
      values.put(name, new Object()); // binary content is never a form field's value
    } else {
      values.put(name, value(parse(body)));
    }
    List<FieldProblem> problems = fields.check(write.group(1), values, removed);
    if (!problems.isEmpty()) {
      refuse(response, problems);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
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

  private static void refuse(HttpServletResponse response, List<FieldProblem> problems) throws IOException {
    String detail = "This task does not take " + problems.stream().map(FieldProblem::field).toList() + ": "
        + String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
    ProblemResponse.write(response, HttpStatus.BAD_REQUEST, detail, problems);
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
