package dev.sevaswarm.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.chat.DoorWork;
import dev.sevaswarm.notify.TeamsThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Teams bot's way in ({@code POST /teams/messages}, the messaging endpoint of its Azure Bot
 * resource): replies in a case's thread become comments, and the card's buttons act. Every request
 * is checked as the Bot Framework prescribes ({@link BotFrameworkTokens}); anything else is 401 and
 * leaves no trace. An activity Teams delivers again (same id in the same conversation) is handled once.
 */
@RestController
public class TeamsDoor {

  private static final String INVOKE_CARD_ACTION = "adaptiveCard/action";

  private final BotFrameworkTokens tokens;
  private final ChatThreads threads;
  private final TeamsReplies replies;
  private final TeamsActions actions;
  private final DoorWork work;
  private final ObjectMapper json = new ObjectMapper();

  public TeamsDoor(BotFrameworkTokens tokens, ChatThreads threads, TeamsReplies replies, TeamsActions actions,
      DoorWork work) {
    this.tokens = tokens;
    this.threads = threads;
    this.replies = replies;
    this.actions = actions;
    this.work = work;
  }

  @PostMapping(path = "/teams/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> messages(@RequestBody(required = false) String body,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    Optional<JsonNode> activity = parse(body);
    if (activity.isEmpty() || tokens.verify(authorization, activity.get().path("serviceUrl").asText(null)).isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    JsonNode a = activity.get();
    String type = a.path("type").asText();
    if ("invoke".equals(type) && INVOKE_CARD_ACTION.equals(a.path("name").asText())) {
      return ResponseEntity.ok(firstDelivery(a) ? actions.handle(a) : actions.again(a));
    }
    if ("message".equals(type) && !fromABot(a)) {
      Optional<ChatThread> thread = threads.byThread(TeamsThread.TOOL, a.path("conversation").path("id").asText());
      if (thread.isPresent() && firstDelivery(a)) {
        work.later("Teams", () -> replies.handle(a, thread.get()), 3);
      }
    }
    return ResponseEntity.ok().build();
  }

  /** The bot's own messages, and any other bot's (Teams names bots 28:<app id>). */
  private static boolean fromABot(JsonNode activity) {
    String from = activity.path("from").path("id").asText("");
    return from.isEmpty() || from.startsWith("28:") || from.equals(activity.path("recipient").path("id").asText());
  }

  /** True the first time Teams delivers this activity (its id within its conversation). */
  private boolean firstDelivery(JsonNode activity) {
    if (activity.path("id").asText("").isBlank()) {
      return true; // nothing to know it again by
    }
    String key = activity.path("conversation").path("id").asText() + "\n" + activity.path("id").asText();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return threads.firstDelivery(TeamsThread.TOOL, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = body == null ? null : json.readTree(body.getBytes(StandardCharsets.UTF_8));
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
