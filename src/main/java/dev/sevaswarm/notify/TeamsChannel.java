package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The team channel in Microsoft Teams: with the bot configured, one thread per case through the
 * Bot Framework ({@link TeamsThread}); otherwise an Adaptive Card through an incoming webhook.
 */
@Component
public class TeamsChannel extends WebhookChannel {

  public static final String NAME = "teams";

  TeamsChannel(SwarmProperties properties, WebhookClient webhook) {
    this(properties, webhook, null);
  }

  @Autowired
  public TeamsChannel(SwarmProperties properties, WebhookClient webhook, TeamsThread bot) {
    super(NAME, SwarmProperties.Broadcast::teamsWebhookUrl, properties, webhook, bot, s -> s.teams().bot());
  }

  @Override
  ObjectNode payload(ComposedMessage message) {
    return card(message);
  }

  ObjectNode card(ComposedMessage message) {
    return TeamsCards.activity(TeamsCards.news(message.subject(), message.facts(),
        List.of(new Fact("Open the case", message.caseLink()), new Fact("Open in Tasklist", message.tasklistLink()))));
  }
}
