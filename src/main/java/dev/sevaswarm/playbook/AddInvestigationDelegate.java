package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.ActivityInstances;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Component;

/**
 * An engineer volunteered one more area: adds an investigation of it to the running parallel
 * investigation, routed by the same decision table as the owner's picks.
 */
@Component("addInvestigation")
public class AddInvestigationDelegate implements JavaDelegate {

  private final RuntimeService runtime;
  private final CaseThread thread;

  public AddInvestigationDelegate(RuntimeService runtime, CaseThread thread) {
    this.runtime = runtime;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    String volunteer = (String) execution.getVariable(Var.VOLUNTEERED_BY);
    Object requested = execution.getVariable(Var.AREA);
    String area = requested == null ? "" : requested.toString().trim().toLowerCase(Locale.ROOT);
    if (area.isEmpty()) {
      thread.post(caseId, volunteer, ThreadKind.VOLUNTEER, ThreadWords.of("thread.volunteer.noArea"));
      return;
    }
    Optional<ActivityInstance> investigation = runningInvestigation(execution.getProcessInstanceId());
    if (investigation.isEmpty()) {
      thread.post(caseId, volunteer, ThreadKind.VOLUNTEER,
          ThreadWords.of("thread.volunteer.nothingRunning", area));
      return;
    }
    runtime.createProcessInstanceModification(execution.getProcessInstanceId())
        .startBeforeActivity(Playbook.Element.INVESTIGATION, investigation.get().getId())
        .setVariableLocal(Var.AREA, area)
        .setVariableLocal(Var.JOINED_BY, volunteer)
        .execute();
    thread.post(caseId, volunteer, ThreadKind.VOLUNTEER, ThreadWords.of("thread.volunteer.joined", area));
  }

  private Optional<ActivityInstance> runningInvestigation(String processInstanceId) {
    return ActivityInstances.find(runtime.getActivityInstance(processInstanceId), Playbook.Element.INVESTIGATION_BODY);
  }
}
