package dev.sevaswarm.notify;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Slack Web API, through Slack's own Java SDK: post and update messages, look up a user's
 * e-mail address, answer an action. Slack's {@code ok: false} is a failure naming Slack's error; a
 * short {@code ratelimited} wait is honoured, a longer one fails the attempt for the retry cycle.
 */
@Component
public class SlackWebApi {

  /** A call Slack refused: its error code, as Slack names it (channel_not_found, ratelimited, ...). */
  public static class SlackRefused extends RuntimeException {
    SlackRefused(String method, String error) {
      super("Slack " + method + " answered " + error);
    }

    /** Slack could not be reached, or did not answer in time. */
    SlackRefused(String method, IOException failure) {
      super("Slack " + method + " did not answer: " + failure.getMessage(), failure);
    }
  }

  private final SwarmProperties properties;
  private final Slack slack;

  public SlackWebApi(SwarmProperties properties) {
    this.properties = properties;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(properties.slack().apiUrl());
    config.setPrettyResponseLoggingEnabled(false);
    // the SDK's call statistics would ask Slack who we are (auth.test) on the side: not needed
    config.getMethodsConfig().setStatsEnabled(false);
    // as long as a webhook may take: the client's own default is 10 s to connect and 10 s per read,
    // without a limit on the whole call
    SwarmProperties.DeliverySettings delivery = properties.delivery();
    config.setHttpClientReadTimeoutMillis((int) delivery.readTimeout().toMillis());
    config.setHttpClientCallTimeoutMillis((int) delivery.connectTimeout().plus(delivery.readTimeout()).toMillis());
    this.slack = Slack.getInstance(config);
  }

  private MethodsClient methods() {
    return slack.methods(properties.slack().botToken());
  }

  /** Posts a message (a reply when threadTs is set) and returns its ts. */
  public String post(String channel, String text, List<LayoutBlock> blocks, String threadTs) {
    ChatPostMessageResponse response = call("chat.postMessage", () -> methods().chatPostMessage(r -> r
        .channel(channel).text(text).blocks(blocks).threadTs(threadTs).unfurlLinks(false)));
    return response.getTs();
  }

  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    call("chat.update", () -> methods().chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** The e-mail address of a Slack user's profile (needs the users:read.email scope). */
  public Optional<String> emailOf(String slackUserId) {
    UsersInfoResponse info = call("users.info", () -> methods().usersInfo(r -> r.user(slackUserId)));
    return Optional.ofNullable(info.getUser()).map(u -> u.getProfile() == null ? null : u.getProfile().getEmail());
  }

  /** The Slack user with this e-mail address (needs users:read.email), if Slack knows one. */
  public Optional<String> userIdOf(String email) {
    try {
      com.slack.api.methods.response.users.UsersLookupByEmailResponse found = call("users.lookupByEmail",
          () -> methods().usersLookupByEmail(r -> r.email(email)));
      return Optional.ofNullable(found.getUser()).map(u -> u.getId());
    } catch (SlackRefused notFound) {
      return Optional.empty(); // users_not_found: they are named instead of mentioned
    }
  }

  /** The name Slack shows for a user, for a comment by someone we cannot map. */
  public String nameOf(String slackUserId) {
    try {
      UsersInfoResponse info = call("users.info", () -> methods().usersInfo(r -> r.user(slackUserId)));
      if (info.getUser() != null && info.getUser().getProfile() != null
          && info.getUser().getProfile().getDisplayName() != null
          && !info.getUser().getProfile().getDisplayName().isBlank()) {
        return info.getUser().getProfile().getDisplayName();
      }
      return info.getUser() == null ? slackUserId : info.getUser().getName();
    } catch (RuntimeException unknown) {
      return slackUserId;
    }
  }

  /** Answers an action through its response_url (an ephemeral reply by default). */
  public void respond(String responseUrl, String text) {
    try {
      WebhookResponse response = slack.send(responseUrl,
          "{\"response_type\":\"ephemeral\",\"replace_original\":false,\"text\":" + quote(text) + "}");
      if (response.getCode() >= 300) {
        throw new SlackRefused("response_url", "HTTP " + response.getCode());
      }
    } catch (IOException e) {
      throw new SlackRefused("response_url", e);
    }
  }

  private interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      T response;
      try {
        response = call.run();
      } catch (SlackApiException e) {
        String retryAfter = e.getResponse().header("Retry-After");
        if (e.getResponse().code() == 429 && attempt == 1 && RetryAfter.waitedOut(retryAfter)) {
          continue;
        }
        String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
            : "HTTP " + e.getResponse().code();
        throw new SlackRefused(method, error + (retryAfter == null ? "" : " (retry after " + retryAfter + " s)"));
      } catch (IOException e) {
        throw new SlackRefused(method, e);
      }
      if (!response.isOk()) {
        throw new SlackRefused(method, response.getError());
      }
      return response;
    }
  }

  private static String quote(String text) {
    return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(text);
  }
}
