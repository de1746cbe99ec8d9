package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.Volunteering;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Volunteering from Tasklist's start form: offers the area to the case's running investigation.
 * A case with nothing to join fails the start, so the engineer sees why at once.
 */
@Component("offerArea")
public class OfferAreaDelegate implements JavaDelegate {

  private final Volunteering volunteering;

  public OfferAreaDelegate(Volunteering volunteering) {
    this.volunteering = volunteering;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object caseId = execution.getVariable(Var.CASE_ID);
    Object area = execution.getVariable(Var.AREA);
    if (caseId == null || area == null || area.toString().isBlank()) {
      throw new ProcessEngineException("caseId and area: both are needed to volunteer");
    }
    String caseKey = caseId.toString().trim().toUpperCase(Locale.ROOT);
    try {
      volunteering.volunteer(caseKey, area.toString(), (String) execution.getVariable(Var.VOLUNTEERED_BY));
    } catch (Volunteering.NothingToJoin e) {
      throw new ProcessEngineException(e.getMessage());
    }
    execution.setProcessBusinessKey(caseKey);
  }
}
