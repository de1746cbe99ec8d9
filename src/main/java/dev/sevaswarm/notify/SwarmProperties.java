package dev.sevaswarm.notify;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code swarm.*} configuration. Every channel left empty is skipped, not an error; a webhook
 * URL that is not an http(s) URL stops start-up.
 *
 * @param publicUrl where people reach this application, for links in messages
 * @param broadcast the team channel: Teams and Slack incoming webhooks and the team's list
 * @param sales the account team
 * @param mail sender address and the embedded SMTP sink of the demo run
 * @param delivery retries, timeouts and which audiences hear about which event
 * @param slack the Slack app (a bot in the team channel), which replaces the Slack webhook when set
 * @param customer the language and time zone of customers who did not say theirs
 * @param teams the Teams bot (two-way, a thread per case), which replaces the Teams webhook when set
 * @param people matching work to people: invitations and the follow-the-sun handover
 * @param team the language and time zone of what the team, sales and duty managers read
 */
@ConfigurationProperties(prefix = "swarm")
public record SwarmProperties(
    String publicUrl,
    Broadcast broadcast,
    Sales sales,
    Mail mail,
    DeliverySettings delivery,
    Slack slack,
    Customer customer,
    Teams teams,
    People people,
    Team team) {

  public SwarmProperties {
    publicUrl = blank(publicUrl) ? "http://localhost:8080" : stripSlash(publicUrl);
    broadcast = broadcast == null ? new Broadcast(null, null, null) : broadcast;
    sales = sales == null ? new Sales(null) : sales;
    mail = mail == null ? new Mail(null, false, 2525) : mail;
    delivery = delivery == null ? new DeliverySettings(null, null, null, null, null) : delivery;
    slack = slack == null ? new Slack(null, null, null, null) : slack;
    customer = customer == null ? new Customer(null, null) : customer;
    teams = teams == null ? new Teams(null, null, null, null, null, null, null) : teams;
    people = people == null ? new People(null, null) : people;
    team = team == null ? new Team(null, null) : team;
  }

  /**
   * @param locale the team's language (en, ja)
   * @param timeZone where the team works; times are shown there, with UTC alongside unless it is UTC
   */
  public record Team(java.util.Locale locale, java.time.ZoneId timeZone) {
    public Team {
      locale = locale == null ? java.util.Locale.ENGLISH : locale;
      timeZone = timeZone == null ? java.time.ZoneId.of("UTC") : timeZone;
    }

    /** Whether times need UTC alongside (a team in one zone other than UTC). */
    public boolean outsideUtc() {
      return !timeZone.normalized().equals(java.time.ZoneOffset.UTC);
    }
  }

  /**
   * @param followTheSun hand a case over when its owner's working hours end (teams that do not work
   *     around the clock turn it off)
   * @param maxOpenInvestigations nobody is invited while they already work on this many investigations
   */
  public record People(Boolean followTheSun, Integer maxOpenInvestigations) {
    public People {
      followTheSun = followTheSun == null || followTheSun;
      maxOpenInvestigations = maxOpenInvestigations == null ? 2 : maxOpenInvestigations;
      if (maxOpenInvestigations < 1) {
        throw new IllegalArgumentException("swarm.people.max-open-investigations must be at least 1, but is "
            + maxOpenInvestigations);
      }
    }
  }

  /** The defaults for a case that names no language or zone of its own. */
  public record Customer(java.util.Locale defaultLocale, java.time.ZoneId defaultTimeZone) {
    public Customer {
      defaultLocale = defaultLocale == null ? java.util.Locale.ENGLISH : defaultLocale;
      defaultTimeZone = defaultTimeZone == null ? java.time.ZoneId.of("UTC") : defaultTimeZone;
    }
  }

  public List<Audience> audiencesOf(NotificationEvent event) {
    return delivery.routes().getOrDefault(event, event.defaultAudiences());
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public record Broadcast(String teamsWebhookUrl, String slackWebhookUrl, String teamEmail) {
    public Broadcast {
      checkWebhook("swarm.broadcast.teams-webhook-url", teamsWebhookUrl);
      checkWebhook("swarm.broadcast.slack-webhook-url", slackWebhookUrl);
    }

    private static void checkWebhook(String property, String url) {
      if (blank(url)) {
        return;
      }
      try {
        URI uri = URI.create(url.trim());
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
          throw new IllegalArgumentException("not http(s)");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(property + " must be an http(s) URL (or empty to skip the channel), "
            + "but is '" + url + "'");
      }
    }
  }

  public record Sales(String email) {}

  /**
   * @param botToken the app's bot token ({@code xoxb-...}); set, the app posts with the Web API instead of the webhook
   * @param signingSecret checks that requests to /slack/** come from Slack
   * @param channel the team channel's id ({@code C...})
   * @param apiUrl the Web API's base, Slack's unless a test points it elsewhere
   */
  public record Slack(String botToken, String signingSecret, String channel, String apiUrl) {
    public Slack {
      apiUrl = blank(apiUrl) ? "https://slack.com/api/" : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }

    /** Whether the Slack app (rather than the incoming webhook) talks to the channel. */
    public boolean app() {
      return !blank(botToken) && !blank(channel);
    }
  }

  /**
   * The Teams bot, spoken to through the Bot Framework's REST protocol.
   *
   * @param appId the bot's Microsoft app id; set, the bot posts to the team channel instead of the webhook
   * @param appPassword the app's client secret, for the bot's own tokens
   * @param tenantId the Microsoft Entra tenant of a single-tenant bot (its tokens come from there)
   * @param serviceUrl the Bot Connector's base for Teams
   * @param channelId the team channel's id ({@code 19:...@thread.tacv2})
   * @param tokenUrl where the bot gets its tokens (client credentials)
   * @param openidMetadataUrl the Bot Framework's OpenID configuration, naming the keys that sign its requests
   */
  public record Teams(String appId, String appPassword, String tenantId, String serviceUrl, String channelId,
      String tokenUrl, String openidMetadataUrl) {
    public Teams {
      serviceUrl = blank(serviceUrl) ? "https://smba.trafficmanager.net/teams/"
          : (serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/");
      tokenUrl = blank(tokenUrl) ? "https://login.microsoftonline.com/"
          + (blank(tenantId) ? "botframework.com" : tenantId.trim()) + "/oauth2/v2.0/token" : tokenUrl;
      openidMetadataUrl = blank(openidMetadataUrl)
          ? "https://login.botframework.com/v1/.well-known/openidconfiguration" : openidMetadataUrl;
      if (!blank(appId) && (blank(appPassword) || blank(channelId))) {
        throw new IllegalArgumentException("swarm.teams.app-id is set, so the bot also needs "
            + (blank(appPassword) ? "swarm.teams.app-password" : "swarm.teams.channel-id")
            + " (or leave swarm.teams.app-id empty to use the Teams webhook)");
      }
    }

    /** Whether the bot (rather than the incoming webhook) talks to the channel. */
    public boolean bot() {
      return !blank(appId);
    }
  }

  /**
   * @param from the sender of every mail
   * @param embedded run an SMTP sink inside the application (the demo run), so nothing leaves the machine
   * @param embeddedPort the sink's port
   */
  public record Mail(String from, boolean embedded, int embeddedPort) {
    public Mail {
      from = blank(from) ? "sev-a-swarm@localhost" : from;
    }
  }

  /**
   * @param retryCycle how a failed delivery is retried before it becomes an incident
   * @param connectTimeout how long a webhook may take to accept the connection
   * @param readTimeout how long a webhook may take to answer
   * @param pauseAfterTimeout how long a channel's peer that did not answer in time is left alone:
   *     shorter than the retry cycle's interval, or the retries fall within it
   * @param routes which audiences hear about an event, where the defaults do not fit
   */
  public record DeliverySettings(String retryCycle, Duration connectTimeout, Duration readTimeout,
      Duration pauseAfterTimeout, Map<NotificationEvent, List<Audience>> routes) {
    public DeliverySettings {
      retryCycle = blank(retryCycle) ? "R3/PT1M" : retryCycle;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
      pauseAfterTimeout = pauseAfterTimeout == null ? Duration.ofSeconds(30) : pauseAfterTimeout;
      if (pauseAfterTimeout.isNegative()) {
        throw new IllegalArgumentException("swarm.delivery.pause-after-timeout must not be negative: " + pauseAfterTimeout);
      }
      routes = routes == null || routes.isEmpty() ? new EnumMap<>(NotificationEvent.class) : new EnumMap<>(routes);
    }
  }
}
