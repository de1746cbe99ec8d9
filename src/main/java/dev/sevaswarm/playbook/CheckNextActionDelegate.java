package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.room.NextActions;
import dev.sevaswarm.room.NextActions.NextAction;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The next-action watch: when the next action is overdue by the table's grace and nobody set a new
 * one, the team channel is asked to help and the owner is reminded, once per overdue action; then
 * the watch looks again a grace period later (or when the action is due, if it changed).
 */
@Component("checkNextAction")
public class CheckNextActionDelegate implements JavaDelegate {

  private final NextActions nextActions;
  private final CaseThread thread;
  private final CaseEvents events;
  private final MessageComposer words;

  public CheckNextActionDelegate(NextActions nextActions, CaseThread thread, CaseEvents events, MessageComposer words) {
    this.nextActions = nextActions;
    this.thread = thread;
    this.events = events;
    this.words = words;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime now = CaseClock.now();
    Object grace = execution.getVariable(Var.NEXT_ACTION_GRACE_MINUTES);
    long graceMinutes = grace instanceof Number n ? Math.max(1, n.longValue()) : 15;
    OffsetDateTime helpAt = Times.parse(execution.getVariable(Var.NEXT_ACTION_HELP_AT)).orElse(now);
    if (helpAt.isAfter(now)) {
      execution.setVariable(Var.NEXT_ACTION_WATCH_AT, CaseClock.format(helpAt));
      return;
    }
    String asked = CaseClock.format(helpAt);
    if (!Objects.equals(execution.getVariable(Var.NEXT_ACTION_HELP_ASKED), asked)) {
      askForHelp(execution, CaseEvents.caseOf(execution));
      execution.setVariable(Var.NEXT_ACTION_HELP_ASKED, asked);
    }
    execution.setVariable(Var.NEXT_ACTION_WATCH_AT, CaseClock.format(now.plusMinutes(graceMinutes)));
  }

  private void askForHelp(DelegateExecution execution, String caseId) {
    Optional<NextAction> last = nextActions.of(caseId);
    String question = last
        .map(a -> words.teamWord("thread.nextAction.askHelp", caseId, words.teamTime(a.due())))
        .orElse(words.teamWord("thread.nextAction.askHelpNever", caseId));
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NEXT_ACTION, last
        .map(a -> ThreadWords.of("thread.nextAction.askHelp", caseId, CaseClock.format(a.due())))
        .orElse(ThreadWords.of("thread.nextAction.askHelpNever", caseId)));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("help", question);
    last.ifPresent(a -> details.put("lastNextAction", a.text()));
    Object owner = execution.getVariable(Var.OWNER);
    if (owner != null) {
      details.put(MessageComposer.PEOPLE, owner.toString());
    }
    events.announce(execution, NotificationEvent.NEXT_ACTION_OVERDUE, details);
  }
}
