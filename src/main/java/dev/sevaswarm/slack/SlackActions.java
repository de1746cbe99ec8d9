package dev.sevaswarm.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.chat.DoorActions;
import dev.sevaswarm.chat.DoorActions.Outcome;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.SlackThread;
import dev.sevaswarm.notify.SlackWebApi;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The buttons of a case's Slack message ({@link DoorActions}), answered with an ephemeral message
 * to the person who pressed them; what changed is said in the case's thread too.
 */
@Component
public class SlackActions {

  private final SlackPeople people;
  private final SlackWebApi slack;
  private final DoorActions actions;
  private final SlackThread thread;

  public SlackActions(SlackPeople people, SlackWebApi slack, DoorActions actions, SlackThread thread) {
    this.people = people;
    this.slack = slack;
    this.actions = actions;
    this.thread = thread;
  }

  public void handle(JsonNode interaction) {
    JsonNode action = interaction.path("actions").path(0);
    String actionId = action.path("action_id").asText();
    String caseId = action.path("value").asText().split(":")[0];
    Optional<Caller> caller = people.of(interaction.path("user").path("id").asText());
    Outcome outcome;
    if (actionId.equals(SlackThread.TAKE_OWNERSHIP)) {
      outcome = caller.map(c -> actions.takeOwnership(caseId, c, "Slack")).orElseGet(() -> actions.stranger("Slack"));
    } else if (actionId.startsWith(SlackThread.JOIN_AREA + ":")) {
      String area = actionId.substring(SlackThread.JOIN_AREA.length() + 1);
      outcome = caller.map(c -> actions.join(caseId, area, c)).orElseGet(() -> actions.stranger("Slack"));
    } else {
      return;
    }
    slack.respond(interaction.path("response_url").asText(), outcome.answer());
    if (outcome.announcement() != null) {
      thread.announce(caseId, outcome.announcement());
    }
  }
}
