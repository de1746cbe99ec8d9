package dev.sevaswarm.cases;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the API explains to its caller as a problem document. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> errors;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  public ApiException(HttpStatus status, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public static ApiException invalid(List<FieldProblem> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, "The request has " + errors.size() + " invalid field(s)", errors);
  }

  public static ApiException notFound(String caseId) {
    return new ApiException(HttpStatus.NOT_FOUND, "No case " + caseId);
  }

  public static ApiException forbidden(String what) {
    return new ApiException(HttpStatus.FORBIDDEN, what);
  }

  public static ApiException conflict(String what) {
    return new ApiException(HttpStatus.CONFLICT, what);
  }
}
