package dev.sevaswarm.intake;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.Volunteering;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.sla.ResponseTimesTable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What engineers do to a running case through the API: volunteer an area, raise to Sev A. */
@Service
public class CaseActions {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseThread thread;
  private final ResponseTimesTable responseTimes;
  private final Volunteering volunteering;
  private final TransactionTemplate transaction;

  public CaseActions(RuntimeService runtime, IdentityService identity, CaseThread thread,
      ResponseTimesTable responseTimes, Volunteering volunteering, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.identity = identity;
    this.thread = thread;
    this.responseTimes = responseTimes;
    this.volunteering = volunteering;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void volunteer(SupportCase c, String area) {
    String volunteer = Caller.current(identity).userId();
    Caller.asSystem(identity, () -> {
      try {
        volunteering.volunteer(c.caseId(), area, volunteer);
      } catch (Volunteering.NothingToJoin e) {
        throw ApiException.conflict(e.getMessage());
      }
      return null;
    });
  }

  public void raise(SupportCase c) {
    String caller = Caller.current(identity).userId();
    Caller.asSystem(identity, () -> {
      boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(c.caseId())
          .messageEventSubscriptionName(Playbook.Message.RAISE_TO_SEV_A).count() > 0;
      if (!waiting) {
        throw ApiException.conflict("Case " + c.caseId() + " is not a Sev B/C case waiting for its engineer");
      }
      String playbook = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
          .getProcessDefinitionId();
      if (!responseTimes.lookUp(playbook, Severity.A, c.plan()).supported()) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The " + c.plan() + " plan has no Sev A support");
      }
      transaction.executeWithoutResult(status -> {
        thread.post(c.caseId(), caller, ThreadKind.RAISE, ThreadWords.of("thread.raise.asked", caller));
        runtime.createMessageCorrelation(Playbook.Message.RAISE_TO_SEV_A)
            .processInstanceBusinessKey(c.caseId()).correlate();
      });
      return null;
    });
  }
}
