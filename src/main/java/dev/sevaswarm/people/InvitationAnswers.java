package dev.sevaswarm.people;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.people.Invitations.Invitation;
import dev.sevaswarm.people.Invitations.Status;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An invitee's answer. Accepting gives them the area's waiting investigation (when someone of the
 * group took it first, the invitation has run out: 409); declining, with a reason, has the next
 * expert asked. Either way the invitation loop hears of it, and the thread records it.
 */
@Service
public class InvitationAnswers {

  private final Invitations invitations;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseThread thread;
  private final TransactionTemplate transaction;

  public InvitationAnswers(Invitations invitations, TaskService tasks, RuntimeService runtime,
      IdentityService identity, CaseThread thread, PlatformTransactionManager transactions) {
    this.invitations = invitations;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.thread = thread;
    this.transaction = new TransactionTemplate(transactions);
  }

  public Invitation accept(String id, Caller caller) {
    Invitation invitation = pending(id, caller);
    Invitation accepted = Caller.asSystem(identity, () -> transaction.execute(status -> {
      Optional<Task> waiting = waitingTask(invitation);
      if (waiting.isEmpty()) {
        invitations.answer(id, Status.EXPIRED, "the area was taken before the answer");
        loopHears(invitation, "TAKEN");
        return null;
      }
      tasks.setAssignee(waiting.get().getId(), caller.userId());
      invitations.answer(id, Status.ACCEPTED, null);
      thread.post(invitation.caseId(), caller.userId(), ThreadKind.INVITATION,
          Var.OWNER_AREA.equals(invitation.area())
              ? ThreadWords.of("thread.invitation.accepted.owner", caller.userId())
              : ThreadWords.of("thread.invitation.accepted.area", caller.userId(), invitation.area()));
      loopHears(invitation, Status.ACCEPTED.name());
      return invitations.find(id).orElseThrow();
    }));
    if (accepted == null) { // recorded as run out (committed), and said so
      throw ApiException.conflict("Someone of the group took the " + invitation.area() + " investigation of "
          + invitation.caseId() + " first: the invitation has run out");
    }
    return accepted;
  }

  public Invitation decline(String id, Caller caller, String reason) {
    Invitation invitation = pending(id, caller);
    return Caller.asSystem(identity, () -> transaction.execute(status -> {
      invitations.answer(id, Status.DECLINED, reason);
      thread.post(invitation.caseId(), caller.userId(), ThreadKind.INVITATION,
          ThreadWords.of("thread.invitation.declined", caller.userId(), invitation.area(), reason));
      loopHears(invitation, Status.DECLINED.name());
      return invitations.find(id).orElseThrow();
    }));
  }

  private Invitation pending(String id, Caller caller) {
    Invitation invitation = invitations.find(id)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No invitation " + id));
    if (!Objects.equals(invitation.userId(), caller.userId())) {
      throw ApiException.forbidden("Only " + invitation.userId() + " answers this invitation");
    }
    if (invitation.status() != Status.PENDING) {
      throw ApiException.conflict("The invitation is " + invitation.status() + " already");
    }
    return invitation;
  }

  /** The case's investigation of the area (or its take-over) that waits for someone, if there is one. */
  private Optional<Task> waitingTask(Invitation invitation) {
    if (Var.OWNER_AREA.equals(invitation.area())) {
      return tasks.createTaskQuery().processInstanceBusinessKey(invitation.caseId())
          .taskDefinitionKey(Playbook.Task.TAKE_OVER).taskUnassigned().list().stream().findFirst();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(invitation.caseId())
        .taskDefinitionKey(Playbook.Task.INVESTIGATE_AREA).taskUnassigned().list().stream()
        .filter(t -> invitation.area().equals(String.valueOf(tasks.getVariable(t.getId(), Var.AREA))))
        .findFirst();
  }

  private void loopHears(Invitation invitation, String answer) {
    String loop = invitations.waiting(invitation.id()).map(Invitations.Waiting::processInstanceId).orElseThrow();
    try {
      runtime.createMessageCorrelation(Playbook.Message.INVITATION_ANSWERED).processInstanceId(loop)
          .setVariable(Var.INVITATION_ANSWER, answer).correlate();
    } catch (MismatchingMessageCorrelationException over) {
      // the loop is over (the investigation ended meanwhile): the answer is recorded, nothing waits for it
    }
  }
}
