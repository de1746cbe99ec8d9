package dev.sevaswarm.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.BotConnector;
import dev.sevaswarm.notify.BotConnector.Member;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who sent an activity, here: the Camunda user whose e-mail address is the Teams member's (looked
 * up in the conversation, as the Bot Framework gives it); someone else signs as {@code teams:<name>}
 * and cannot act.
 */
@Component
public class TeamsPeople {

  private final BotConnector teams;
  private final IdentityService identity;

  public TeamsPeople(BotConnector teams, IdentityService identity) {
    this.teams = teams;
    this.identity = identity;
  }

  /** The Camunda user with their groups, or nothing when the member matches nobody. */
  public Optional<Caller> of(JsonNode activity) {
    String memberId = activity.path("from").path("id").asText("");
    if (memberId.isBlank()) {
      return Optional.empty();
    }
    return teams.member(activity.path("serviceUrl").asText(), activity.path("conversation").path("id").asText(),
        memberId).map(Member::address).flatMap(address -> Caller.withEmail(identity, address));
  }

  /** How someone who matches nobody signs a comment. */
  public static String outsider(JsonNode activity) {
    String name = activity.path("from").path("name").asText("");
    return "teams:" + (name.isBlank() ? activity.path("from").path("id").asText("unknown") : name);
  }
}
