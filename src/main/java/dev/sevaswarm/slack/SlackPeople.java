package dev.sevaswarm.slack;

import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.SlackWebApi;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who a Slack user is here: the Camunda user whose e-mail address is their Slack profile's. */
@Component
public class SlackPeople {

  private final SlackWebApi slack;
  private final IdentityService identity;

  public SlackPeople(SlackWebApi slack, IdentityService identity) {
    this.slack = slack;
    this.identity = identity;
  }

  /** The Camunda user with their groups, or nothing when the Slack user matches nobody. */
  public Optional<Caller> of(String slackUserId) {
    return Caller.withEmail(identity, slack.emailOf(slackUserId).orElse(null));
  }

  /** How an unmapped Slack user signs a comment: {@code slack:<display name>}. */
  public String outsider(String slackUserId) {
    return "slack:" + slack.nameOf(slackUserId);
  }
}
