package dev.sevaswarm.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Playbook.Var;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The response-times table against the published plan figures, every severity × plan pair. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseTimesTableTest {

  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private DmnDecision decision;
  private final Set<String> rulesHit = new HashSet<>();

  @BeforeAll
  void parse() throws Exception {
    try (InputStream table = getClass().getResourceAsStream("/response-times.dmn")) {
      decision = dmn.parseDecision("response-times", table);
    }
  }

  @ParameterizedTest(name = "Sev {0} on {1}: supported={2}, first response {3} min")
  @CsvSource(nullValues = "-", value = {
      "A, BASIC,               false, -,   -,  -,    -",
      "B, BASIC,               false, -,   -,  -,    -",
      "C, BASIC,               false, -,   -,  -,    -",
      "A, DEVELOPER,           false, -,   -,  -,    -",
      "B, DEVELOPER,           false, -,   -,  -,    -",
      "C, DEVELOPER,           true,  480, 60, 1440, 2880",
      "A, STANDARD,            true,  60,  15, 60,   240",
      "B, STANDARD,            true,  240, 60, 480,  1440",
      "C, STANDARD,            true,  480, 60, 1440, 2880",
      "A, PROFESSIONAL_DIRECT, true,  60,  15, 60,   120",
      "B, PROFESSIONAL_DIRECT, true,  120, 30, 240,  720",
      "C, PROFESSIONAL_DIRECT, true,  240, 60, 480,  1440",
      "A, UNIFIED,             true,  60,  15, 60,   120",
      "B, UNIFIED,             true,  120, 30, 240,  720",
      "C, UNIFIED,             true,  240, 60, 480,  1440",
      "A, RAPID_RESPONSE,      true,  15,  5,  30,   60",
      "B, RAPID_RESPONSE,      true,  120, 30, 240,  720",
      "C, RAPID_RESPONSE,      true,  240, 60, 480,  1440",
  })
  void promisesThePublishedResponseTimes(String severity, String plan, boolean supported, Integer firstResponse,
      Integer warnBefore, Integer cadence, Integer escalation) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("severity", severity).putValue("plan", plan));
    assertThat(result).hasSize(1);
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    ResponseTimes times = ResponseTimes.from(row);
    assertThat(times).isEqualTo(new ResponseTimes(supported, firstResponse, warnBefore, cadence, escalation));
    rulesHit.add(severity + plan);
  }

  /**
   * The update task appears this long before each promised contact, and the team is asked to help
   * this long after an overdue next action: both per severity, the lead always inside one cadence.
   */
  @ParameterizedTest(name = "Sev {0} on {1}: update task {2} min ahead, help after {3} min overdue")
  @CsvSource(nullValues = "-", value = {
      "A, BASIC,               -,  -",
      "C, DEVELOPER,           60, 120",
      "A, STANDARD,            10, 10",
      "B, STANDARD,            30, 30",
      "C, STANDARD,            60, 120",
      "A, PROFESSIONAL_DIRECT, 10, 10",
      "A, UNIFIED,             10, 10",
      "A, RAPID_RESPONSE,      10, 10",
      "B, RAPID_RESPONSE,      30, 30",
      "C, UNIFIED,             60, 120",
  })
  void timesTheUpdateTaskAndTheNextActionWatch(String severity, String plan, Integer leadMinutes,
      Integer graceMinutes) {
    Map<String, Object> row = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("severity", severity).putValue("plan", plan)).getSingleResult().getEntryMap();
    assertThat(minutes(row, Var.UPDATE_LEAD_MINUTES)).isEqualTo(leadMinutes);
    assertThat(minutes(row, Var.NEXT_ACTION_GRACE_MINUTES)).isEqualTo(graceMinutes);
    if (leadMinutes != null) {
      assertThat(leadMinutes).isLessThan(minutes(row, Var.UPDATE_CADENCE_MINUTES));
    }
  }

  private static Integer minutes(Map<String, Object> row, String output) {
    return row.get(output) == null ? null : ((Number) row.get(output)).intValue();
  }

  @AfterAll
  void everyCombinationIsDecided() {
    assertThat(rulesHit).hasSize(18);
  }
}
