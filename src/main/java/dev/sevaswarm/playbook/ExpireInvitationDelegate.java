package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.people.Invitations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An invitation nobody answered in time: recorded as expired, so that the next expert is asked. */
@Component("expireInvitation")
public class ExpireInvitationDelegate implements JavaDelegate {

  private final Invitations invitations;
  private final CaseThread thread;

  public ExpireInvitationDelegate(Invitations invitations, CaseThread thread) {
    this.invitations = invitations;
    this.thread = thread;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable(Var.INVITATION_ID);
    Object within = execution.getVariable(Var.ANSWER_WITHIN);
    invitations.find(id).ifPresent(invitation -> {
      if (invitations.answer(id, Invitations.Status.EXPIRED, "no answer within " + within)) {
        thread.post(invitation.caseId(), CaseThread.SYSTEM, ThreadKind.INVITATION,
            ThreadWords.of("thread.invitation.expired", invitation.userId(), invitation.area(), within));
      }
    });
  }

  /** When the loop ends for any reason (the area taken, the investigation over), what still waits expires. */
  @Component("invitationLoopEnded")
  public static class LoopEnded implements ExecutionListener {

    private final Invitations invitations;

    public LoopEnded(Invitations invitations) {
      this.invitations = invitations;
    }

    @Override
    public void notify(DelegateExecution execution) {
      invitations.expireWaitingIn(execution.getProcessInstanceId(), "the investigation moved on");
    }
  }
}
