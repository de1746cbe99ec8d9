package dev.sevaswarm.intake;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.FieldProblem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the case API is an {@code application/problem+json} document; a bad field is
 * named in {@code errors}. Nothing a caller sends produces a stack trace in the answer.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  /** What a person reads when their change met another one of the same case. */
  public static final String CONFLICT = "The case changed at the same moment (another step of it, or another person), "
      + "so nothing was saved. Please try again.";

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> refused(ApiException e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ProblemDetail> unauthorized(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  /** Two changes of the same case met (a person's and one of the case's own steps): nothing was saved. */
  @ExceptionHandler(OptimisticLockingException.class)
  public ResponseEntity<ProblemDetail> collided(OptimisticLockingException e) {
    LOG.info("A change of the case API collided with another change of the same case: {}", e.getMessage());
    return problem(HttpStatus.CONFLICT, CONFLICT, List.of());
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected failure in the case API", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<ProblemDetail> problem = problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON",
        List.of(new FieldProblem("$", "the body must be a JSON object")));
    return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
  }

  /** Spring's own refusals (415, 405, 406, ...) are problem documents too, whatever the Accept header. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
    if (answer == null || !(answer.getBody() instanceof ProblemDetail)) {
      return answer;
    }
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
