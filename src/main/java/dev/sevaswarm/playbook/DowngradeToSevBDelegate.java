package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sev A needs a customer reachable around the clock. When they are not, the plans allow the case
 * to continue as Sev B; the support-request process then hands it to one engineer.
 */
@Component("downgradeToSevB")
public class DowngradeToSevBDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final CaseEvents events;
  private final CaseThread thread;
  private final MessageComposer words;

  public DowngradeToSevBDelegate(CaseRepository cases, CaseEvents events, CaseThread thread, MessageComposer words) {
    this.cases = cases;
    this.events = events;
    this.thread = thread;
    this.words = words;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    execution.setVariable(Var.SEVERITY, Severity.B.name());
    execution.setVariable(Var.DOWNGRADED, true);
    cases.updateSeverity(caseId, Severity.B);
    String message = words.teamWord("thread.downgraded");
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.DOWNGRADE, ThreadWords.of("thread.downgraded"));
    events.announce(execution, NotificationEvent.DOWNGRADED, Map.of(MessageComposer.MESSAGE, message));
  }
}
