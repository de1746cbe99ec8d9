package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A team channel reached through an incoming webhook (Teams and Slack differ only in URL and
 * payload), or, when the chat tool's app is configured, through the app's thread per case.
 */
abstract class WebhookChannel implements Channel {

  protected final ObjectMapper json = new ObjectMapper();
  private final String name;
  private final Function<SwarmProperties.Broadcast, String> url;
  private final SwarmProperties properties;
  private final WebhookClient webhook;
  private final ThreadedChat app;
  private final Predicate<SwarmProperties> appConfigured;

  WebhookChannel(String name, Function<SwarmProperties.Broadcast, String> url, SwarmProperties properties,
      WebhookClient webhook, ThreadedChat app, Predicate<SwarmProperties> appConfigured) {
    this.name = name;
    this.url = url;
    this.properties = properties;
    this.webhook = webhook;
    this.app = app;
    this.appConfigured = appConfigured;
  }

  private boolean viaApp() {
    return app != null && appConfigured.test(properties);
  }

  /** The JSON the webhook expects for this message. */
  abstract ObjectNode payload(ComposedMessage message);

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean reaches(Audience audience) {
    if (viaApp()) {
      return audience == Audience.TEAM || audience == Audience.PEOPLE && app.mentionsPeople();
    }
    return audience == Audience.TEAM && !SwarmProperties.blank(url.apply(properties.broadcast()));
  }

  @Override
  public String deliver(Delivery delivery) {
    if (viaApp()) {
      return app.deliver(delivery);
    }
    webhook.post(url.apply(properties.broadcast()), payload(delivery.message()).toString());
    return name + " webhook";
  }

  @Override
  public void rehearse(Delivery delivery, String ownUrl) {
    payload(delivery.message()).toString();
    if (ownUrl != null) {
      webhook.rehearse(ownUrl);
    }
  }
}
