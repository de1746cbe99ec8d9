package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The team channel in Slack: with the Slack app configured, one thread per case through the Web API
 * ({@link SlackThread}); otherwise a Block Kit message with a plain-text fallback through an incoming
 * webhook.
 */
@Component
public class SlackChannel extends WebhookChannel {

  public static final String NAME = "slack";
  private static final int MAX_FIELDS = 10;

  SlackChannel(SwarmProperties properties, WebhookClient webhook) {
    this(properties, webhook, null);
  }

  @Autowired
  public SlackChannel(SwarmProperties properties, WebhookClient webhook, SlackThread app) {
    super(NAME, SwarmProperties.Broadcast::slackWebhookUrl, properties, webhook, app, s -> s.slack().app());
  }

  @Override
  ObjectNode payload(ComposedMessage message) {
    return message(message);
  }

  ObjectNode message(ComposedMessage message) {
    ObjectNode root = json.createObjectNode();
    root.put("text", ChannelText.slack(message.subject()));
    ArrayNode blocks = root.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
        .put("text", ChannelText.slack(truncate(message.subject(), 150)));
    List<Fact> facts = message.facts();
    for (int from = 0; from < facts.size(); from += MAX_FIELDS) {
      ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
      for (Fact fact : facts.subList(from, Math.min(facts.size(), from + MAX_FIELDS))) {
        fields.addObject().put("type", "mrkdwn")
            .put("text", "*" + ChannelText.slack(fact.title()) + "*\n" + ChannelText.slack(truncate(fact.value(), 1900)));
      }
    }
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    button(buttons, "Open the case", message.caseLink());
    button(buttons, "Open in Tasklist", message.tasklistLink());
    return root;
  }

  private static void button(ArrayNode buttons, String label, String url) {
    ObjectNode button = buttons.addObject().put("type", "button").put("url", url);
    button.putObject("text").put("type", "plain_text").put("text", label);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
