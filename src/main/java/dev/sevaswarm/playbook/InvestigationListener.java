package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.room.Investigations.Status;
import dev.sevaswarm.room.Investigations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Who is on which area, for the room: an investigation is open, in progress with someone, done with
 * a verdict, or cancelled. A cancelled one (a root cause found elsewhere ended it) is written to the
 * thread, and the engineer working on it is told, so a half-written finding is not a surprise.
 */
@Component("investigationListener")
public class InvestigationListener implements TaskListener {

  private final Investigations investigations;
  private final CaseThread thread;
  private final CaseEvents events;
  private final IdentityService identity;
  private final MessageComposer words;

  public InvestigationListener(Investigations investigations, CaseThread thread, CaseEvents events,
      IdentityService identity, MessageComposer words) {
    this.words = words;
    this.identity = identity;
    this.investigations = investigations;
    this.thread = thread;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    String area = task.getVariable(Var.AREA) == null ? null : task.getVariable(Var.AREA).toString();
    String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst()
        .orElse(null);
    String caseId = CaseEvents.caseOf(task);
    if (EVENTNAME_CREATE.equals(task.getEventName()) && joinedByOneOf(task, group)) {
      task.setAssignee((String) task.getVariable(Var.JOINED_BY)); // joined from the room: theirs at once
      return; // the assignment event records it
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT -> investigations.record(task.getId(), caseId, area, group,
          task.getAssignee(), task.getAssignee() == null ? Status.OPEN : Status.IN_PROGRESS, null);
      case EVENTNAME_COMPLETE -> investigations.record(task.getId(), caseId, area, group, task.getAssignee(),
          Status.DONE, String.valueOf(task.getVariable(Var.VERDICT)).toUpperCase(java.util.Locale.ROOT));
      case EVENTNAME_DELETE -> cancelled(task, caseId, area, group);
      default -> { }
    }
  }

  private boolean joinedByOneOf(DelegateTask task, String group) {
    Object joined = task.getVariable(Var.JOINED_BY);
    return joined != null && group != null
        && identity.createUserQuery().userId(joined.toString()).memberOfGroup(group).count() == 1;
  }

  private void cancelled(DelegateTask task, String caseId, String area, String group) {
    investigations.record(task.getId(), caseId, area, group, task.getAssignee(), Status.CANCELLED, null);
    boolean rootCause = Boolean.TRUE.equals(task.getVariable(Var.ROOT_CAUSE_FOUND));
    String key = "thread.investigation.stopped." + (rootCause ? "found" : "movedOn")
        + (task.getAssignee() == null ? "" : "By");
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.INVESTIGATION,
        ThreadWords.of(key, area, task.getAssignee(), task.getVariable(Var.ROOT_CAUSE)));
    if (task.getAssignee() != null) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put(MessageComposer.MESSAGE, rootCause
          ? words.teamWord("people.investigationStopped.found", area, task.getVariable(Var.ROOT_CAUSE))
          : words.teamWord("people.investigationStopped.movedOn", area));
      details.put(Var.AREA, area);
      details.put(MessageComposer.PEOPLE, task.getAssignee());
      events.announce(task, NotificationEvent.INVESTIGATION_STOPPED, details);
    }
  }
}
