package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.people.FollowTheSun;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The follow-the-sun watch's timer fired: the watched owner's shift is ending. */
@Component("requestHandover")
public class RequestHandoverDelegate implements JavaDelegate {

  private final FollowTheSun followTheSun;

  public RequestHandoverDelegate(FollowTheSun followTheSun) {
    this.followTheSun = followTheSun;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followTheSun.shiftEnds(CaseEvents.caseOf(execution), (String) execution.getVariable(Var.WATCHED_OWNER));
  }
}
