package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Bot Framework's REST protocol, spoken directly (its Java SDK is archived): start a
 * conversation in a channel, reply in it, update a message, look a member up. Every call carries
 * the bot's token from the client-credentials flow, kept until shortly before it expires. A short
 * {@code 429} is waited out as its {@code Retry-After} asks; a longer one, or any other refusal,
 * fails the attempt with what Teams said, for the delivery's retry cycle.
 */
@Component
public class BotConnector {

  /** A call the Bot Framework refused or did not answer. */
  public static class TeamsRefused extends RuntimeException {
    TeamsRefused(String message) {
      this(message, null);
    }

    TeamsRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Where a new conversation (a channel post and its thread) is. */
  public record Conversation(String id, String activityId) {}

  /** A member of a conversation, as Teams knows them. */
  public record Member(String id, String name, String email, String userPrincipalName) {

    /** The address to know them by here: their e-mail, else their sign-in name (often the same). */
    public String address() {
      return email != null && !email.isBlank() ? email : userPrincipalName;
    }
  }

  private static final String SCOPE = "https://api.botframework.com/.default";
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final SwarmProperties properties;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private String token;
  private Instant tokenGoodUntil = Instant.MIN;

  public BotConnector(SwarmProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Posts a new message to a channel, which starts its thread. */
  public Conversation startConversation(String channelId, ObjectNode activity) {
    ObjectNode request = json.createObjectNode();
    request.put("isGroup", true);
    ObjectNode channelData = request.putObject("channelData");
    channelData.putObject("channel").put("id", channelId);
    String tenant = properties.teams().tenantId();
    if (!SwarmProperties.blank(tenant)) {
      channelData.putObject("tenant").put("id", tenant);
      request.put("tenantId", tenant);
    }
    request.set("activity", activity);
    JsonNode answer = call("POST", properties.teams().serviceUrl() + "v3/conversations", request);
    String id = answer.path("id").asText(null);
    if (id == null) {
      throw new TeamsRefused("Teams created a conversation but did not say its id: " + shorten(answer.toString()));
    }
    String activityId = answer.path("activityId").asText(null);
    if (activityId == null && id.contains(";messageid=")) {
      activityId = id.substring(id.indexOf(";messageid=") + ";messageid=".length());
    }
    return new Conversation(id, activityId == null ? id : activityId);
  }

  /** Posts a message into a conversation (a reply in a channel thread); returns its id. */
  public String reply(String conversationId, ObjectNode activity) {
    return call("POST", conversationUrl(properties.teams().serviceUrl(), conversationId) + "/activities", activity)
        .path("id").asText("");
  }

  /** Replaces a message the bot posted (the thread's parent card). */
  public void update(String conversationId, String activityId, ObjectNode activity) {
    activity.put("id", activityId);
    call("PUT", conversationUrl(properties.teams().serviceUrl(), conversationId) + "/activities/" + encode(activityId),
        activity);
  }

  /** A member of a conversation, looked up where the activity that named them came from. */
  public Optional<Member> member(String serviceUrl, String conversationId, String memberId) {
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    JsonNode member;
    try {
      member = call("GET", conversationUrl(base, conversationId) + "/members/" + encode(memberId), null);
    } catch (TeamsRefused notAMember) {
      if (notAMember.getMessage().contains("HTTP 404")) {
        return Optional.empty();
      }
      throw notAMember;
    }
    return Optional.of(new Member(member.path("id").asText(memberId), member.path("name").asText(null),
        member.path("email").asText(null), member.path("userPrincipalName").asText(null)));
  }

  private static String conversationUrl(String serviceUrl, String conversationId) {
    return serviceUrl + "v3/conversations/" + encode(conversationId);
  }

  private JsonNode call(String method, String url, JsonNode body) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .timeout(properties.delivery().readTimeout())
          .header("Authorization", "Bearer " + token())
          .header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json; charset=utf-8")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = send(request.build(), method + " " + path(url));
      int status = response.statusCode();
      if (status / 100 == 2) {
        return read(response.body());
      }
      Optional<String> retryAfter = response.headers().firstValue("Retry-After");
      if (status == 429 && attempt == 1 && RetryAfter.waitedOut(retryAfter.orElse(null))) {
        continue;
      }
      if (status == 401 && attempt == 1) {
        forgetToken(); // revoked or rotated: one more try with a fresh token
        continue;
      }
      throw new TeamsRefused("Teams " + method + " " + path(url) + " answered HTTP " + status
          + retryAfter.map(s -> " (retry after " + s + " s)").orElse("") + ": " + shorten(response.body()));
    }
  }

  /** The bot's token, from the client-credentials flow, reused until shortly before it expires. */
  private synchronized String token() {
    if (token != null && Instant.now().isBefore(tokenGoodUntil)) {
      return token;
    }
    SwarmProperties.Teams teams = properties.teams();
    String form = "grant_type=client_credentials&client_id=" + encode(teams.appId()) + "&client_secret="
        + encode(teams.appPassword()) + "&scope=" + encode(SCOPE);
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(teams.tokenUrl()))
        .timeout(properties.delivery().readTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "token");
    JsonNode answer = read(response.body());
    if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
      throw new TeamsRefused("The bot's token endpoint answered HTTP " + response.statusCode() + ": "
          + answer.path("error").asText(shorten(response.body())));
    }
    Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(3600));
    Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : lifetime.dividedBy(2);
    token = answer.get("access_token").asText();
    tokenGoodUntil = Instant.now().plus(lifetime).minus(early);
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TeamsRefused("Teams " + what + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TeamsRefused("Interrupted while calling Teams " + what);
    }
  }

  private JsonNode read(String body) {
    try {
      return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }

  private static String path(String url) {
    return URI.create(url).getRawPath();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String shorten(String text) {
    return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
