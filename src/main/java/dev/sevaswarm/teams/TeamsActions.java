package dev.sevaswarm.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.chat.DoorActions;
import dev.sevaswarm.chat.DoorActions.Outcome;
import dev.sevaswarm.chat.DoorWork;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.TeamsCards;
import dev.sevaswarm.notify.TeamsThread;
import dev.sevaswarm.notify.ThreadedChat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The buttons of a case's Teams card ({@code Action.Execute}, answered by an {@code invoke} named
 * {@code adaptiveCard/action}), carried out by {@link DoorActions} as the member who pressed them.
 * The answer is the card again, as the case is now, with a line for that person; or a card saying
 * what they may not do, when nothing changed.
 */
@Component
public class TeamsActions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TeamsPeople people;
  private final DoorActions actions;
  private final TeamsThread thread;
  private final CaseRepository cases;
  private final MessageComposer links;
  private final DoorWork work;

  public TeamsActions(TeamsPeople people, DoorActions actions, TeamsThread thread, CaseRepository cases,
      MessageComposer links, DoorWork work) {
    this.people = people;
    this.actions = actions;
    this.thread = thread;
    this.cases = cases;
    this.links = links;
    this.work = work;
  }

  /** The invoke's answer (the body of its HTTP 200). */
  public ObjectNode handle(JsonNode invoke) {
    JsonNode action = invoke.path("value").path("action");
    String verb = action.path("verb").asText();
    String caseId = action.path("data").path("caseId").asText("");
    Optional<SupportCase> found = cases.find(caseId);
    if (found.isEmpty()) {
      return answer(TeamsCards.notice("There is no case " + caseId + " here"));
    }
    Optional<Caller> caller = people.of(invoke);
    Outcome outcome;
    if (caller.isEmpty()) {
      outcome = actions.stranger("Teams");
    } else if (ThreadedChat.TAKE_OWNERSHIP.equals(verb)) {
      outcome = actions.takeOwnership(caseId, caller.get(), "Teams");
    } else if (ThreadedChat.JOIN_AREA.equals(verb)) {
      outcome = actions.join(caseId, action.path("data").path("area").asText(""), caller.get());
    } else {
      outcome = new Outcome(false, "This card has no action '" + verb + "'", null, null);
    }
    if (!outcome.done()) {
      return answer(TeamsCards.notice(outcome.answer()));
    }
    work.later("Teams", () -> thread.announce(caseId, outcome.announcement()), 3);
    return answer(TeamsCards.parent(thread.parent(found.get(), links.caseLink(caseId)), outcome.answer(),
        outcome.link()));
  }

  /** The case's card as it is now, for a repeated invoke (Teams delivered the same press twice). */
  public ObjectNode again(JsonNode invoke) {
    String caseId = invoke.path("value").path("action").path("data").path("caseId").asText("");
    return cases.find(caseId).map(c -> answer(TeamsCards.parent(thread.parent(c, links.caseLink(caseId)), null, null)))
        .orElseGet(() -> answer(TeamsCards.notice("There is no case " + caseId + " here")));
  }

  /** An Adaptive Card as the answer of an {@code adaptiveCard/action} invoke. */
  private static ObjectNode answer(ObjectNode card) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("statusCode", 200);
    answer.put("type", TeamsCards.CONTENT_TYPE);
    answer.set("value", card);
    return answer;
  }
}
