package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import org.springframework.stereotype.Component;

/** The team channel in Microsoft Teams: an Adaptive Card through an incoming webhook. */
@Component
public class TeamsChannel extends WebhookChannel {

  public static final String NAME = "teams";

  public TeamsChannel(SwarmProperties properties, WebhookClient webhook) {
    super(NAME, SwarmProperties.Broadcast::teamsWebhookUrl, properties, webhook);
  }

  @Override
  ObjectNode payload(ComposedMessage message) {
    return card(message);
  }

  /** Teams refuses a message over 28 KB, and a retry cannot help: every card is built to fit. */
  static final int MAX_BYTES = 27 * 1024;
  private static final int[] FACT_LENGTHS = {Integer.MAX_VALUE, 2000, 1000, 500, 250, 120, 60};

  ObjectNode card(ComposedMessage message) {
    ObjectNode card = null;
    for (int max : FACT_LENGTHS) {
      card = card(message, max);
      if (card.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES) {
        return card;
      }
    }
    return card;
  }

  private ObjectNode card(ComposedMessage message, int maxFactLength) {
    ObjectNode card = json.createObjectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder").put("wrap", true)
        .put("text", ChannelText.teams(message.subject(), Math.min(maxFactLength, 300), ""));
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    for (Fact fact : message.facts()) {
      facts.addObject().put("title", ChannelText.teams(fact.title()))
          .put("value", ChannelText.teams(fact.value(), maxFactLength, "(the rest is in the case)"));
    }
    ArrayNode actions = card.putArray("actions");
    actions.addObject().put("type", "Action.OpenUrl").put("title", "Open the case").put("url", message.caseLink());
    actions.addObject().put("type", "Action.OpenUrl").put("title", "Open in Tasklist").put("url", message.tasklistLink());

    ObjectNode envelope = json.createObjectNode();
    envelope.put("type", "message");
    ObjectNode attachment = envelope.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    attachment.set("content", card);
    return envelope;
  }
}
