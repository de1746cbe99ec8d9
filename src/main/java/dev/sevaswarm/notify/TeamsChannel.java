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

  ObjectNode card(ComposedMessage message) {
    ObjectNode card = json.createObjectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder").put("wrap", true)
        .put("text", message.subject());
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    for (Fact fact : message.facts()) {
      facts.addObject().put("title", fact.title()).put("value", fact.value());
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
