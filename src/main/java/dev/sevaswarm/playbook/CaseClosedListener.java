package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When a support request's process ends, however it ends, the case is closed. */
@Component("caseClosed")
public class CaseClosedListener implements ExecutionListener {

  private final CaseRepository cases;

  public CaseClosedListener(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object caseId = execution.getVariable(Var.CASE_ID);
    if (caseId != null) {
      cases.closed(caseId.toString(), CaseClock.now());
    }
  }
}
