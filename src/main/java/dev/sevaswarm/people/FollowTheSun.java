package dev.sevaswarm.people;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.SwarmProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Follow the sun: a Sev A case runs around the clock, its owner does not. Whenever a case gets an
 * owner whose hours are known, a watch (the follow-the-sun process) waits until their shift ends,
 * less the lead time of the handover-lead decision, and asks the swarm for a handover: the owner
 * writes the brief, the best Sev A engineer on shift is invited to take over. An owner (or a duty
 * manager) may ask for it any time. {@code swarm.people.follow-the-sun=false} keeps the watch off.
 */
@Service
public class FollowTheSun {

  /** Why a handover cannot be asked now. */
  public static class NoHandover extends IllegalStateException {
    NoHandover(String why) {
      super(why);
    }
  }

  private final Profiles profiles;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DecisionService decisions;
  private final CaseThread thread;
  private final SwarmProperties properties;

  public FollowTheSun(Profiles profiles, RuntimeService runtime, TaskService tasks, DecisionService decisions,
      CaseThread thread, SwarmProperties properties) {
    this.profiles = profiles;
    this.runtime = runtime;
    this.tasks = tasks;
    this.decisions = decisions;
    this.thread = thread;
    this.properties = properties;
  }

  /** When to ask for the handover: the end of the owner's current shift less the lead, and not before now. */
  public static Optional<OffsetDateTime> handoverDue(Profile owner, ZonedDateTime now, Duration lead) {
    if (owner == null || owner.away()) {
      return Optional.empty();
    }
    return owner.workingHours().shiftEnd(now, owner.timeZone()).map(end -> {
      ZonedDateTime due = end.minus(lead);
      return (due.isBefore(now) ? now : due).toOffsetDateTime();
    });
  }

  /** Watches the new owner's shift (ending the watch of whoever owned the case before). */
  public void watch(String caseId, String owner, String severity) {
    runtime.createProcessInstanceQuery().processDefinitionKey(Playbook.Process.FOLLOW_THE_SUN)
        .processInstanceBusinessKey(caseId).active().list()
        .forEach(old -> runtime.deleteProcessInstance(old.getId(), "the case has a new owner"));
    if (!properties.people().followTheSun()) {
      return;
    }
    Duration lead = Duration.parse(decisions.evaluateDecisionByKey(Playbook.Decision.HANDOVER_LEAD)
        .variables(Variables.createVariables().putValue(Var.SEVERITY, severity)).evaluate().getSingleEntry());
    handoverDue(profiles.of(owner).orElse(null), CaseClock.now().toZonedDateTime(), lead).ifPresent(due ->
        runtime.startProcessInstanceByKey(Playbook.Process.FOLLOW_THE_SUN, caseId, Variables.createVariables()
            .putValue(Var.CASE_ID, caseId).putValue(Var.WATCHED_OWNER, owner)
            .putValue(Var.HANDOVER_DUE, CaseClock.format(due))));
  }

  /**
   * Asks the case's swarm for a handover: the owner gets the hand-over task.
   *
   * @param why what the thread says
   * @throws NoHandover when the case has no swarm running, no owner, or a handover under way
   */
  public void request(String caseId, ThreadWords why) {
    ProcessInstance swarm = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list().stream().findFirst()
        .orElseThrow(() -> new NoHandover("Case " + caseId + " has no swarm running to hand over"));
    if (runtime.getVariable(swarm.getId(), Var.OWNER) == null) {
      throw new NoHandover("Case " + caseId + " has no owner yet: it is taken, not handed over");
    }
    if (tasks.createTaskQuery().processInstanceId(swarm.getId())
        .taskDefinitionKeyIn(Playbook.Task.HAND_OVER, Playbook.Task.TAKE_OVER).count() > 0) {
      throw new NoHandover("Case " + caseId + " is being handed over already");
    }
    runtime.createMessageCorrelation(Playbook.Message.HANDOVER_REQUESTED).processInstanceId(swarm.getId()).correlate();
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.OWNERSHIP, why);
  }

  /** The watched owner's shift is ending: a handover, unless the case moved on. */
  public void shiftEnds(String caseId, String watchedOwner) {
    Optional<ProcessInstance> swarm = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list().stream().findFirst();
    if (swarm.isEmpty() || !watchedOwner.equals(runtime.getVariable(swarm.get().getId(), Var.OWNER))) {
      return;
    }
    try {
      request(caseId, ThreadWords.of("thread.handover.shiftEnds", watchedOwner));
    } catch (NoHandover underWay) {
      // a handover already under way is the one this shift needs
    }
  }
}
