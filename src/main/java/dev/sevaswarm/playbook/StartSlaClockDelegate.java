package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.sla.ResponseTimes;
import dev.sevaswarm.sla.SlaClock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the first-response clock from what the response-times table decided. A case's first clock
 * runs from the moment the case was recorded (the request was answered before this step ran); a
 * clock restarted by a raise to Sev A runs from the raise.
 */
@Component("startSlaClock")
public class StartSlaClockDelegate implements JavaDelegate {

  static final int DEFAULT_LEAD_MINUTES = 10;
  static final int DEFAULT_GRACE_MINUTES = 15;

  private final CaseRepository cases;
  private final CaseThread thread;

  public StartSlaClockDelegate(CaseRepository cases, CaseThread thread) {
    this.cases = cases;
    this.thread = thread;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, ?> decided = (Map<String, ?>) execution.getVariable(Var.RESPONSE_TIMES);
    ResponseTimes times = ResponseTimes.from(decided);
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    OffsetDateTime start = execution.hasVariable(Var.SLA_STARTED_AT)
        ? CaseClock.now()
        : cases.find(caseId).map(SupportCase::createdAt).orElseGet(CaseClock::now);
    SlaClock clock = SlaClock.start(start, times);
    Severity severity = Severity.valueOf((String) execution.getVariable(Var.SEVERITY));
    execution.setVariable(Var.FIRST_RESPONSE_DUE, CaseClock.format(clock.firstResponseDue()));
    execution.setVariable(Var.FIRST_RESPONSE_WARNING_AT, CaseClock.format(clock.firstResponseWarningAt()));
    execution.setVariable(Var.ESCALATION_DUE, CaseClock.format(clock.escalationDue()));
    execution.setVariable(Var.UPDATE_CADENCE_MINUTES, clock.updateCadenceMinutes());
    // the room's working times (an older table without them: the defaults)
    execution.setVariable(Var.UPDATE_LEAD_MINUTES, minutes(decided, Var.UPDATE_LEAD_MINUTES, DEFAULT_LEAD_MINUTES));
    execution.setVariable(Var.NEXT_ACTION_GRACE_MINUTES,
        minutes(decided, Var.NEXT_ACTION_GRACE_MINUTES, DEFAULT_GRACE_MINUTES));
    execution.setVariable(Var.FIRST_RESPONSE_AT, null);
    execution.setVariable(Var.SLA_STARTED_AT, CaseClock.format(clock.startedAt()));
    cases.startSla(caseId, severity, clock.startedAt(), clock.firstResponseDue());
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.SLA,
        ThreadWords.of("thread.sla.started", severity, execution.getVariable(Var.PLAN),
            CaseClock.format(clock.firstResponseDue()), times.firstResponseMinutes()));
  }

  private static int minutes(Map<String, ?> decided, String output, int fallback) {
    Object value = decided == null ? null : decided.get(output);
    return value instanceof Number n ? n.intValue() : fallback;
  }
}
