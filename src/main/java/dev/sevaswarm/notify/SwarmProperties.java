package dev.sevaswarm.notify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code swarm.*} configuration. Every channel left empty is skipped, not an error.
 *
 * @param publicUrl where people reach this application, for links in messages
 * @param broadcast the team channel
 * @param sales the account team
 * @param mail sender address and the embedded SMTP sink of the demo run
 * @param routes which audiences hear about which event, where the defaults do not fit
 */
@ConfigurationProperties(prefix = "swarm")
public record SwarmProperties(
    String publicUrl,
    Broadcast broadcast,
    Sales sales,
    Mail mail,
    Map<NotificationEvent, List<Audience>> routes) {

  public SwarmProperties {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : stripSlash(publicUrl);
    broadcast = broadcast == null ? new Broadcast(null, null, null) : broadcast;
    sales = sales == null ? new Sales(null) : sales;
    mail = mail == null ? new Mail(null, false, 2525) : mail;
    routes = routes == null || routes.isEmpty() ? new EnumMap<>(NotificationEvent.class) : new EnumMap<>(routes);
  }

  public List<Audience> audiencesOf(NotificationEvent event) {
    return routes.getOrDefault(event, event.defaultAudiences());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public record Broadcast(String teamsWebhookUrl, String slackWebhookUrl, String teamEmail) {}

  public record Sales(String email) {}

  /**
   * @param from the sender of every mail
   * @param embedded run an SMTP sink inside the application (the demo run), so nothing leaves the machine
   * @param embeddedPort the sink's port
   */
  public record Mail(String from, boolean embedded, int embeddedPort) {
    public Mail {
      from = from == null || from.isBlank() ? "sev-a-swarm@localhost" : from;
    }
  }
}
