package dev.sevaswarm.intake;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.ActivityInstances;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.sla.ResponseTimesTable;
import java.util.Locale;
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
  private final TransactionTemplate transaction;

  public CaseActions(RuntimeService runtime, IdentityService identity, CaseThread thread,
      ResponseTimesTable responseTimes, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.identity = identity;
    this.thread = thread;
    this.responseTimes = responseTimes;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void volunteer(SupportCase c, String area) {
    String volunteer = Caller.current(identity).userId();
    String normalised = area.trim().toLowerCase(Locale.ROOT);
    Caller.asSystem(identity, () -> {
      var swarm = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseId())
          .processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list().stream().findFirst();
      boolean investigating = swarm.isPresent() && ActivityInstances.find(
          runtime.getActivityInstance(swarm.get().getId()), Playbook.Element.INVESTIGATION_BODY).isPresent();
      if (!investigating) {
        throw ApiException.conflict("Case " + c.caseId() + " has no investigation running to add an area to");
      }
      runtime.createMessageCorrelation(Playbook.Message.AREA_VOLUNTEERED)
          .processInstanceId(swarm.get().getId())
          .setVariableLocal(Var.AREA, normalised)
          .setVariableLocal(Var.VOLUNTEERED_BY, volunteer)
          .correlate();
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
      if (!responseTimes.lookUp(Severity.A, c.plan()).supported()) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The " + c.plan() + " plan has no Sev A support");
      }
      transaction.executeWithoutResult(status -> {
        thread.post(c.caseId(), caller, ThreadKind.RAISE, caller + " raised the case to Sev A");
        runtime.createMessageCorrelation(Playbook.Message.RAISE_TO_SEV_A)
            .processInstanceBusinessKey(c.caseId()).correlate();
      });
      return null;
    });
  }
}
