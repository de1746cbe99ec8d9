package dev.sevaswarm.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.Volunteering;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.SlackThread;
import dev.sevaswarm.notify.SlackWebApi;
import dev.sevaswarm.notify.SwarmProperties;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The buttons of a case's Slack message, acted on as the person who pressed them, under the same
 * rules as in Tasklist: Take ownership claims the case's take-ownership task (the first response
 * still needs text, so the answer links to the form); Join opens an investigation of the area and
 * gives it to them. Who may not gets an ephemeral "not allowed", and nothing changes.
 */
@Component
public class SlackActions {

  private final SlackPeople people;
  private final SlackWebApi slack;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Volunteering volunteering;
  private final CaseThread thread;
  private final ChatThreads threads;
  private final MessageComposer links;
  private final SwarmProperties properties;

  public SlackActions(SlackPeople people, SlackWebApi slack, TaskService tasks, IdentityService identity,
      Volunteering volunteering, CaseThread thread, ChatThreads threads, MessageComposer links,
      SwarmProperties properties) {
    this.people = people;
    this.slack = slack;
    this.tasks = tasks;
    this.identity = identity;
    this.volunteering = volunteering;
    this.thread = thread;
    this.threads = threads;
    this.links = links;
    this.properties = properties;
  }

  public void handle(JsonNode interaction) {
    JsonNode action = interaction.path("actions").path(0);
    String actionId = action.path("action_id").asText();
    String responseUrl = interaction.path("response_url").asText();
    String caseId = action.path("value").asText().split(":")[0];
    Optional<Caller> caller = people.of(interaction.path("user").path("id").asText());
    if (actionId.equals(SlackThread.TAKE_OWNERSHIP)) {
      slack.respond(responseUrl, caller.map(c -> takeOwnership(caseId, c))
          .orElse("Not allowed: your Slack account matches no Sev A Swarm user"));
    } else if (actionId.startsWith(SlackThread.JOIN_AREA + ":")) {
      String area = actionId.substring(SlackThread.JOIN_AREA.length() + 1);
      slack.respond(responseUrl, caller.map(c -> join(caseId, area, c))
          .orElse("Not allowed: your Slack account matches no Sev A Swarm user"));
    }
  }

  private String takeOwnership(String caseId, Caller caller) {
    Task take = Caller.asSystem(identity, () -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Playbook.Task.TAKE_OWNERSHIP).singleResult());
    if (take == null) {
      return caseId + " has no owner to be taken any more";
    }
    identity.setAuthentication(caller.userId(), caller.groups());
    try {
      tasks.claim(take.getId(), caller.userId());
    } catch (AuthorizationException notTheirs) {
      return "Not allowed: taking ownership of " + caseId + " is for the Sev A rotation";
    } catch (TaskAlreadyClaimedException taken) {
      return caseId + " is already being taken by " + take.getAssignee();
    } finally {
      identity.clearAuthentication();
    }
    thread.post(caseId, caller.userId(), ThreadKind.OWNERSHIP, caller.userId() + " is taking the case (from Slack)");
    inThread(caseId, caller.userId() + " is taking " + caseId + " and writing the first response");
    return "You are taking " + caseId + ". Send the first response from its form: "
        + properties.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + take.getId();
  }

  private String join(String caseId, String area, Caller caller) {
    if (!caller.inAnyOf(Roles.CASE_WORKERS)) {
      return "Not allowed: joining an investigation is for the swarm's engineers";
    }
    try {
      Caller.asSystem(identity, () -> {
        volunteering.volunteer(caseId, area, caller.userId());
        return null;
      });
    } catch (Volunteering.NothingToJoin nothing) {
      return nothing.getMessage();
    }
    inThread(caseId, caller.userId() + " joins " + caseId + " to investigate " + area);
    return "You are on " + area + " for " + caseId + ": " + links.tasklistLink(caseId);
  }

  private void inThread(String caseId, String text) {
    threads.of(caseId, SlackThread.TOOL).ifPresent(t -> slack.post(t.channel(), text, null, t.threadId()));
  }
}
