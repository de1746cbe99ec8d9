package dev.sevaswarm.chat;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.Volunteering;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.SwarmProperties;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the buttons of a case's chat message do, for every chat tool alike, as the person who
 * pressed them and under the same rules as in Tasklist (what they are told is in the team's language): Take ownership claims the case's
 * take-ownership task (the first response still needs its text, so the answer links to the form);
 * Join opens an investigation of the area and gives it to them. Who may not is told so, and
 * nothing changes.
 */
@Component
public class DoorActions {

  /**
   * What came of an action.
   *
   * @param done whether anything changed
   * @param answer what the person who pressed the button is told
   * @param link where they go on (the form to fill in), if anywhere
   * @param announcement what the case's thread in the chat tool is told, if anything
   */
  public record Outcome(boolean done, String answer, String link, String announcement) {

    static Outcome refused(String answer) {
      return new Outcome(false, answer, null, null);
    }
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final Volunteering volunteering;
  private final CaseThread thread;
  private final MessageComposer links;
  private final SwarmProperties properties;

  public DoorActions(TaskService tasks, RuntimeService runtime, ManagementService management, IdentityService identity,
      Volunteering volunteering, CaseThread thread, MessageComposer links, SwarmProperties properties) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.volunteering = volunteering;
    this.thread = thread;
    this.links = links;
    this.properties = properties;
  }

  /** For someone the chat tool knows but this application does not. */
  public Outcome stranger(String tool) {
    return Outcome.refused(links.teamWord("door.stranger", tool));
  }

  public Outcome takeOwnership(String caseId, Caller caller, String tool) {
    Task take = Caller.asSystem(identity, () -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Playbook.Task.TAKE_OWNERSHIP).singleResult());
    if (take == null) {
      return Outcome.refused(links.teamWord(ownerTaskComing(caseId) ? "door.take.notYet" : "door.take.noOwnerTask", caseId));
    }
    identity.setAuthentication(caller.userId(), caller.groups());
    try {
      tasks.claim(take.getId(), caller.userId());
    } catch (AuthorizationException notTheirs) {
      return Outcome.refused(links.teamWord("door.take.notAllowed", caseId));
    } catch (TaskAlreadyClaimedException taken) {
      return Outcome.refused(links.teamWord("door.take.alreadyTaken", caseId, take.getAssignee()));
    } finally {
      identity.clearAuthentication();
    }
    thread.post(caseId, caller.userId(), ThreadKind.OWNERSHIP, ThreadWords.of("thread.door.taking", caller.userId(), tool));
    String form = properties.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + take.getId();
    return new Outcome(true, links.teamWord("door.take.done", caseId, form), form,
        links.teamWord("door.take.announce", caller.userId(), caseId));
  }

  /**
   * Whether the case's owner task is still to be made: the card goes out before it, and its job
   * runs after the broadcast's delivery (later when that delivery waits for a slow mail server, or
   * not until the job's incident is resolved when it failed).
   */
  private boolean ownerTaskComing(String caseId) {
    return Caller.asSystem(identity, () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).list().stream()
        .anyMatch(swarm -> management.createJobQuery().processInstanceId(swarm.getId())
            .activityId(Playbook.Task.TAKE_OWNERSHIP).count() > 0));
  }

  public Outcome join(String caseId, String area, Caller caller) {
    if (!caller.inAnyOf(Roles.CASE_WORKERS)) {
      return Outcome.refused(links.teamWord("door.join.notAllowed"));
    }
    if (!Playbook.Group.AREAS.contains(area)) {
      return Outcome.refused(links.teamWord("door.join.noArea", area));
    }
    try {
      Caller.asSystem(identity, () -> {
        volunteering.volunteer(caseId, area, caller.userId());
        return null;
      });
    } catch (Volunteering.NothingToJoin nothing) {
      return Outcome.refused(links.teamWord("door.join.nothingRunning", caseId));
    }
    String tasklist = links.tasklistLink(caseId);
    return new Outcome(true, links.teamWord("door.join.done", area, caseId, tasklist), tasklist,
        links.teamWord("door.join.announce", caller.userId(), caseId, area));
  }
}
