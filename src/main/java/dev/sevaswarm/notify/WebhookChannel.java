package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** A team channel reached through an incoming webhook: Teams and Slack differ only in URL and payload. */
abstract class WebhookChannel implements Channel {

  protected final ObjectMapper json = new ObjectMapper();
  private final String name;
  private final Function<SwarmProperties.Broadcast, String> url;
  private final SwarmProperties properties;
  private final WebhookClient webhook;

  WebhookChannel(String name, Function<SwarmProperties.Broadcast, String> url, SwarmProperties properties,
      WebhookClient webhook) {
    this.name = name;
    this.url = url;
    this.properties = properties;
    this.webhook = webhook;
  }

  /** The JSON the webhook expects for this message. */
  abstract ObjectNode payload(ComposedMessage message);

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean reaches(Audience audience) {
    return audience == Audience.TEAM && !SwarmProperties.blank(url.apply(properties.broadcast()));
  }

  @Override
  public String deliver(Delivery delivery) {
    webhook.post(url.apply(properties.broadcast()), payload(delivery.message()).toString());
    return name + " webhook";
  }
}
