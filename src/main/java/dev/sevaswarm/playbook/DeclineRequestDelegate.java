package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Declines a request the customer's plan does not cover, and tells the customer why. */
@Component("declineRequest")
public class DeclineRequestDelegate implements JavaDelegate {

  private final CaseEvents events;
  private final CaseThread thread;
  private final MessageComposer words;

  public DeclineRequestDelegate(CaseEvents events, CaseThread thread, MessageComposer words) {
    this.events = events;
    this.thread = thread;
    this.words = words;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = words.teamWord("team.declined", execution.getVariable(Var.PLAN),
        execution.getVariable(Var.SEVERITY));
    thread.post((String) execution.getVariable(Var.CASE_ID), CaseThread.SYSTEM, ThreadKind.NOTE,
        ThreadWords.of("thread.declined", execution.getVariable(Var.PLAN), execution.getVariable(Var.SEVERITY)));
    events.announce(execution, NotificationEvent.DECLINED, Map.of(MessageComposer.MESSAGE, reason));
  }
}
