package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.cases.VariableLists;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the case: gives it its case id (also the process business key) and opens its thread.
 * A case the API already recorded keeps its id and record.
 */
@Component("recordCase")
public class RecordCaseDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final CaseThread thread;

  public RecordCaseDelegate(CaseRepository cases, CaseThread thread) {
    this.cases = cases;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    boolean recordedByTheApi = caseId != null && cases.attachProcessInstance(caseId, execution.getProcessInstanceId());
    if (!recordedByTheApi && (caseId == null || cases.find(caseId).isEmpty())) {
      caseId = caseId == null ? cases.nextCaseId() : caseId;
      String requestedBy = (String) execution.getVariable(Var.REQUESTED_BY);
      cases.insert(SupportCase.reported(
          caseId,
          (String) execution.getVariable(Var.EXTERNAL_ID),
          string(execution, Var.CUSTOMER),
          string(execution, Var.CONTACT_NAME),
          string(execution, Var.CONTACT_EMAIL),
          Severity.valueOf(string(execution, Var.SEVERITY)),
          SupportPlan.valueOf(string(execution, Var.PLAN)),
          string(execution, Var.TITLE),
          string(execution, Var.DESCRIPTION),
          string(execution, Var.BUSINESS_IMPACT),
          Times.parse(execution.getVariable(Var.RECOVER_BY)).orElse(null),
          VariableLists.strings(execution.getVariable(Var.SERVICES)),
          requestedBy,
          CaseClock.now(),
          execution.getProcessInstanceId()));
      Object locale = execution.getVariable(Var.LOCALE);
      Object zone = execution.getVariable(Var.TIME_ZONE);
      if (locale != null || zone != null) {
        cases.customerLocale(caseId, blankToNull(locale), blankToNull(zone));
      }
    }
    thread.post(caseId, (String) execution.getVariable(Var.REQUESTED_BY), ThreadKind.CASE_OPENED,
        ThreadWords.of("thread.caseOpened", execution.getVariable(Var.SEVERITY), execution.getVariable(Var.CUSTOMER),
            execution.getVariable(Var.TITLE)));
    if (!caseId.equals(execution.getVariable(Var.CASE_ID))) {
      execution.setVariable(Var.CASE_ID, caseId);
    }
    if (!caseId.equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(caseId);
    }
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString().trim();
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
