package dev.sevaswarm.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.chat.DoorWork;
import dev.sevaswarm.notify.SlackThread;
import dev.sevaswarm.notify.SwarmProperties;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's way into the case: the Events API (replies in a case's thread become comments) and
 * interactivity (the buttons of a case's message). Every request is checked as Slack documents it
 * (HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret, timestamp within five
 * minutes); anything else is 401 and leaves no trace. Slack wants an answer within three seconds,
 * so the work happens after the acknowledgement.
 */
@RestController
public class SlackDoor {

  private final SwarmProperties properties;
  private final ChatThreads threads;
  private final SlackReplies replies;
  private final SlackActions actions;
  private final DoorWork work;
  private final ObjectMapper json = new ObjectMapper();

  public SlackDoor(SwarmProperties properties, ChatThreads threads, SlackReplies replies, SlackActions actions,
      DoorWork work) {
    this.properties = properties;
    this.threads = threads;
    this.replies = replies;
    this.actions = actions;
    this.work = work;
  }

  @PostMapping(path = "/slack/events", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> events(@RequestBody(required = false) String body,
      @RequestHeader(name = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = SlackSignature.HeaderNames.X_SLACK_SIGNATURE, required = false) String signature)
      throws IOException {
    if (!signedBySlack(body, timestamp, signature)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    JsonNode request = json.readTree(body);
    if ("url_verification".equals(request.path("type").asText())) {
      return ResponseEntity.ok(Map.of("challenge", request.path("challenge").asText()));
    }
    if ("event_callback".equals(request.path("type").asText())
        && threads.firstDelivery(SlackThread.TOOL, request.path("event_id").asText())) {
      JsonNode event = request.path("event");
      work.later("Slack", () -> replies.handle(event), 3);
    }
    return ResponseEntity.ok().build();
  }

  @PostMapping(path = "/slack/interactivity")
  public ResponseEntity<Void> interactivity(@RequestBody(required = false) String body,
      @RequestHeader(name = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = SlackSignature.HeaderNames.X_SLACK_SIGNATURE, required = false) String signature)
      throws IOException {
    if (!signedBySlack(body, timestamp, signature)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    String payload = "";
    for (String pair : body.split("&")) {
      if (pair.startsWith("payload=")) {
        payload = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
      }
    }
    JsonNode interaction = json.readTree(payload.isEmpty() ? "{}" : payload);
    if ("block_actions".equals(interaction.path("type").asText())) {
      // once: a button's effect (a claim, an opened investigation) is not to be repeated
      work.later("Slack", () -> actions.handle(interaction), 1);
    }
    return ResponseEntity.ok().build();
  }

  /** Slack's request signature, as Slack documents it; with no Slack app configured, nothing is. */
  private boolean signedBySlack(String body, String timestamp, String signature) {
    String secret = properties.slack().signingSecret();
    if (secret == null || secret.isBlank() || body == null || timestamp == null || signature == null) {
      return false;
    }
    return new SlackSignature.Verifier(new SlackSignature.Generator(secret)).isValid(timestamp, body, signature);
  }
}
