package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the customer, the account team and the team that the case is resolved, and how. */
@Component("sendClosureNotices")
public class SendClosureNoticesDelegate implements JavaDelegate {

  private final CaseEvents events;
  private final CaseThread thread;

  public SendClosureNoticesDelegate(CaseEvents events, CaseThread thread) {
    this.events = events;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(MessageComposer.MESSAGE, "Your case has been resolved.");
    details.put(Var.ROOT_CAUSE, (String) execution.getVariable(Var.ROOT_CAUSE));
    details.put(Var.RESOLUTION, (String) execution.getVariable(Var.RESOLUTION));
    events.announce(execution, NotificationEvent.CLOSURE, details);
    thread.post((String) execution.getVariable(Var.CASE_ID), CaseThread.SYSTEM, ThreadKind.RESOLUTION,
        ThreadWords.of("thread.closure.sent"));
  }
}
