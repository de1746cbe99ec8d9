package dev.sevaswarm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A change of the case API that met another change of the same case is a 409 to try again, not a 500. */
class ApiProblemsTest {

  @Test
  void aCollisionWithAnotherChangeOfTheCase_isAConflictToTryAgain() {
    ResponseEntity<ProblemDetail> answer = new ApiProblems().collided(new OptimisticLockingException(
        "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction concurrently."));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getDetail()).startsWith("The case changed at the same moment")
        .endsWith("Please try again.").doesNotContain("ENGINE-03005");
  }
}
