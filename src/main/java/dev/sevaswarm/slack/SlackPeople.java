package dev.sevaswarm.slack;

import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.SlackWebApi;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
    Optional<String> email = slack.emailOf(slackUserId).filter(e -> !e.isBlank());
    if (email.isEmpty()) {
      return Optional.empty();
    }
    return Caller.asSystem(identity, () -> {
      List<User> users = identity.createUserQuery().userEmail(email.get()).list();
      if (users.size() != 1) {
        return Optional.<Caller>empty(); // nobody, or not one person: act for no one
      }
      String userId = users.get(0).getId();
      return Optional.of(new Caller(userId,
          identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList()));
    });
  }

  /** How an unmapped Slack user signs a comment: {@code slack:<display name>}. */
  public String outsider(String slackUserId) {
    return "slack:" + slack.nameOf(slackUserId);
  }
}
