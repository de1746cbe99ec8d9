package dev.sevaswarm.guard;

import dev.sevaswarm.cases.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Why a door turns a request away: the status, a sentence for the person, and the fields at fault. */
public record Refusal(HttpStatus status, String detail, List<FieldProblem> errors) {

  static Refusal invalid(String what, List<FieldProblem> errors) {
    String detail = what + ": " + String.join("; ", errors.stream().map(p -> p.field() + " " + p.message()).toList());
    return new Refusal(HttpStatus.BAD_REQUEST, detail, errors);
  }
}
