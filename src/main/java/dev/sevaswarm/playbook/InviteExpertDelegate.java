package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.notify.SwarmProperties;
import dev.sevaswarm.people.Experts;
import dev.sevaswarm.people.Invitations;
import dev.sevaswarm.people.Invitations.Invitation;
import dev.sevaswarm.people.Profiles;
import dev.sevaswarm.people.Ranking.Expert;
import dev.sevaswarm.room.Investigations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Invites the best-ranked expert on shift who has not been asked yet for this area of the case
 * (and is not already on too many investigations): an invitation row, a line in the thread and a
 * mail with the link to accept or decline. Says INVITED; NOBODY when everyone asked declined or
 * let it run out and nobody is left (the duty manager is told next); or TAKEN when there is nothing
 * to ask for (someone works on the area already, nobody with a profile is on shift, or the team
 * keeps no profiles), for the diagram to go on.
 */
@Component("inviteExpert")
public class InviteExpertDelegate implements JavaDelegate {

  public static final String INVITED = "INVITED";
  public static final String NOBODY = "NOBODY";
  public static final String TAKEN = "TAKEN";

  private final Experts experts;
  private final Profiles profiles;
  private final Invitations invitations;
  private final Investigations investigations;
  private final CaseRepository cases;
  private final CaseThread thread;
  private final CaseEvents events;
  private final SwarmProperties properties;
  private final TaskService tasks;
  private final MessageComposer words;

  public InviteExpertDelegate(Experts experts, Profiles profiles, Invitations invitations, Investigations investigations,
      CaseRepository cases, CaseThread thread, CaseEvents events, SwarmProperties properties, TaskService tasks,
      MessageComposer words) {
    this.words = words;
    this.tasks = tasks;
    this.experts = experts;
    this.profiles = profiles;
    this.invitations = invitations;
    this.investigations = investigations;
    this.cases = cases;
    this.thread = thread;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseEvents.caseOf(execution);
    String area = String.valueOf(execution.getVariable(Var.AREA));
    String group = String.valueOf(execution.getVariable(Var.AREA_GROUP));
    execution.setVariable(Var.INVITATION_ID, null);
    boolean takeOver = Var.OWNER_AREA.equals(area);
    boolean waiting;
    if (takeOver) {
      // (the take-over task may have been made in this very transaction, unseen by queries yet: ask whether it is taken)
      waiting = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Playbook.Task.TAKE_OVER)
          .taskAssigned().count() == 0;
    } else {
      List<Investigations.Investigation> ofArea = investigations.of(caseId).stream()
          .filter(i -> area.equals(i.area())).toList();
      waiting = ofArea.isEmpty() || ofArea.stream().anyMatch(i -> i.status() == Investigations.Status.OPEN);
    }
    SupportCase supportCase = cases.find(caseId).orElse(null);
    if (!waiting || supportCase == null || !profiles.any()) {
      execution.setVariable(Var.INVITATION_OUTCOME, TAKEN);
      return;
    }
    Set<String> asked = invitations.ofCaseAndArea(caseId, area).stream().map(Invitation::userId)
        .collect(Collectors.toSet());
    // an area's experts are ranked by their skill in it; a take-over's among the Sev A rotation
    String skillArea = takeOver || Playbook.Group.AREAS.contains(group) ? group : area;
    Object owner = execution.getVariable(Var.OWNER);
    for (Expert expert : experts.forArea(supportCase, skillArea)) {
      if (!expert.onShift() || asked.contains(expert.userId()) || expert.userId().equals(owner)
          || investigations.inProgress(expert.userId()) >= properties.people().maxOpenInvestigations()) {
        continue;
      }
      Invitation invitation = invitations.invite(caseId, area, expert.userId(),
          new Invitations.Waiting(execution.getProcessInstanceId(), execution.getId()));
      execution.setVariable(Var.INVITATION_ID, invitation.id());
      execution.setVariable(Var.INVITATION_OUTCOME, INVITED);
      String why = String.join("; ", expert.reasons());
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.INVITATION, takeOver
          ? ThreadWords.of("thread.invitation.invited.owner", expert.userId(), why)
          : ThreadWords.of("thread.invitation.invited.area", expert.userId(), area, why));
      Map<String, String> details = new LinkedHashMap<>();
      details.put(MessageComposer.PEOPLE, expert.userId());
      String link = properties.publicUrl() + "/board/invitations/" + invitation.id();
      details.put(MessageComposer.MESSAGE, takeOver
          ? words.teamWord("people.invitation.owner", caseId, why, link, group)
          : words.teamWord("people.invitation.area", area, caseId, why, link, group));
      details.put(Var.AREA, area);
      details.put(Var.ANSWER_WITHIN, String.valueOf(execution.getVariable(Var.ANSWER_WITHIN)));
      events.announce(execution, NotificationEvent.INVITATION, details);
      return;
    }
    if (asked.isEmpty()) {
      // nobody with a profile is on shift for the area: it waits in its group's queue, as without profiles
      execution.setVariable(Var.INVITATION_OUTCOME, TAKEN);
      return;
    }
    execution.setVariable(Var.INVITATION_OUTCOME, NOBODY);
    thread.post(caseId, CaseThread.SYSTEM, ThreadKind.INVITATION,
        ThreadWords.of("thread.invitation.nobody", area, group));
  }
}
