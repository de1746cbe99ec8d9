package dev.sevaswarm.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A refusal written by a servlet filter, in the API's problem format (with the engine REST API's "message"). */
final class ProblemResponse {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponse() {}

  static void write(HttpServletResponse response, HttpStatus status, String detail, List<FieldProblem> errors)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    // the engine REST API's own error shape, which Tasklist and Cockpit show to the person
    problem.put("message", detail);
    if (!errors.isEmpty()) {
      problem.put("errors", errors.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem)); // JSON is UTF-8
  }
}
