package dev.sevaswarm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A server error names no SQL, driver or database version; other answers pass untouched. */
class NoInternalsInErrorsTest {

  private MockHttpServletResponse answer(int status, String body) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new NoInternalsInErrors().doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), response,
        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse out)
              throws java.io.IOException {
            out.setStatus(status);
            out.setContentType("application/json");
            out.setContentLength(body.length());
            out.getOutputStream().write(body.getBytes());
          }
        }));
    return response;
  }

  @Test
  void aServerErrorThatNamesTheDatabase_becomesASentenceWithAReference() throws Exception {
    MockHttpServletResponse response = answer(500, "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004 "
        + "### Error flushing statements. Cause: org.h2.jdbc.JdbcBatchUpdateException: Value too long; SQL statement: "
        + "insert into ACT_HI_VARINST values (?) [22001-232]\"}");

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString()).doesNotContain("SQL", "h2", "ACT_HI", "232")
        .contains("Something went wrong on our side (reference ");
  }

  @Test
  void otherAnswersPassUntouched() throws Exception {
    String engineError = "{\"type\":\"RestException\",\"message\":\"Cannot complete task: a listener refused it\"}";
    assertThat(answer(500, engineError).getContentAsString()).isEqualTo(engineError);
    String sqlInAFinding = "[{\"finding\":\"the SQL server's ### log\"}]";
    assertThat(answer(200, sqlInAFinding).getContentAsString()).isEqualTo(sqlInAFinding);
  }

  @Test
  void aCollisionWithAnotherChangeOfTheCase_isAConflictToTryAgain_notAServerError() throws Exception {
    MockHttpServletResponse response = answer(500, "{\"type\":\"OptimisticLockingException\",\"message\":"
        + "\"ENGINE-03005 Execution of 'UPDATE ExecutionEntity[7f1c]' failed. Entity was updated by another "
        + "transaction concurrently.\",\"code\":1}");

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).doesNotContain("ENGINE-03005", "ExecutionEntity")
        .contains("\"message\":\"The case changed at the same moment").contains("Please try again.");
  }
}
