package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import dev.sevaswarm.notify.ThreadedChat.Parent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The Adaptive Cards a case shows in Teams: the news of a case (the webhook's card, a reply in the
 * bot's thread) and the thread's parent with its Universal Actions ({@code Action.Execute}, verbs
 * {@code take-ownership} and {@code join-area}, data {@code {caseId, area}}). Teams refuses a
 * message over 28 KB, and a retry cannot help: every card is built to fit, shortening long facts
 * until it does and saying where the rest is.
 */
public final class TeamsCards {

  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final int MAX_BYTES = 27 * 1024;
  private static final int[] FACT_LENGTHS = {Integer.MAX_VALUE, 2000, 1000, 500, 250, 120, 60};
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsCards() {}

  /** A message activity carrying one card. */
  public static ObjectNode activity(ObjectNode card) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", "message");
    ObjectNode attachment = activity.putArray("attachments").addObject();
    attachment.put("contentType", CONTENT_TYPE);
    attachment.putNull("contentUrl");
    attachment.set("content", card);
    return activity;
  }

  /** The news of a case: its subject or headline, its facts, and links into the application. */
  static ObjectNode news(String title, List<Fact> facts, List<Fact> links) {
    return fitted(max -> {
      ObjectNode card = card();
      title(card.withArray("body"), title, Math.min(max, 300));
      facts(card.withArray("body"), facts, max);
      ArrayNode actions = card.putArray("actions");
      links.forEach(link -> openUrl(actions, link.title(), link.value()));
      return card;
    });
  }

  /**
   * The thread's parent: the case as it is now, and its buttons.
   *
   * @param notice a line for the person who just pressed a button (null for everyone's card)
   * @param noticeLink where that person goes on, if anywhere
   */
  public static ObjectNode parent(Parent parent, String notice, String noticeLink) {
    return fitted(max -> {
      ObjectNode card = card();
      ArrayNode body = card.withArray("body");
      title(body, parent.title(), Math.min(max, 300));
      if (notice != null) {
        body.addObject().put("type", "TextBlock").put("wrap", true).put("color", "Accent")
            .put("text", ChannelText.teams(notice));
      }
      facts(body, parent.facts(), max);
      if (!parent.joinableAreas().isEmpty()) {
        ArrayNode join = body.addObject().put("type", "ActionSet").putArray("actions");
        for (String area : parent.joinableAreas()) {
          execute(join, parent.buttons().join().get(area), ThreadedChat.JOIN_AREA, parent.caseId(), area);
        }
      }
      ArrayNode actions = card.putArray("actions");
      if (!parent.owned()) {
        execute(actions, parent.buttons().takeOwnership(), ThreadedChat.TAKE_OWNERSHIP, parent.caseId(), null)
            .put("style", "positive");
      }
      if (noticeLink != null) {
        openUrl(actions, "Go on in Tasklist", noticeLink);
      }
      openUrl(actions, parent.buttons().openCase(), parent.caseLink());
      return card;
    });
  }

  /** A short answer to one person (a button they may not use): nothing else changed. */
  public static ObjectNode notice(String text) {
    ObjectNode card = card();
    card.withArray("body").addObject().put("type", "TextBlock").put("wrap", true).put("color", "Attention")
        .put("text", ChannelText.teams(text));
    return card;
  }

  private static ObjectNode card() {
    ObjectNode card = JSON.createObjectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    card.putArray("body");
    return card;
  }

  private static void title(ArrayNode body, String title, int max) {
    body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder").put("wrap", true)
        .put("text", ChannelText.teams(title, max, ""));
  }

  private static void facts(ArrayNode body, List<Fact> facts, int max) {
    ArrayNode set = body.addObject().put("type", "FactSet").putArray("facts");
    for (Fact fact : facts) {
      if (fact.value() != null && !fact.value().isBlank()) {
        set.addObject().put("title", ChannelText.teams(fact.title()))
            .put("value", ChannelText.teams(fact.value(), max, "(the rest is in the case)"));
      }
    }
  }

  private static ObjectNode execute(ArrayNode actions, String title, String verb, String caseId, String area) {
    ObjectNode action = actions.addObject().put("type", "Action.Execute").put("title", title).put("verb", verb);
    ObjectNode data = action.putObject("data").put("caseId", caseId);
    if (area != null) {
      data.put("area", area);
    }
    return action;
  }

  private static void openUrl(ArrayNode actions, String title, String url) {
    actions.addObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  /** The card with its facts as long as fits in one Teams message (the shortest form otherwise). */
  private static ObjectNode fitted(IntFunction<ObjectNode> build) {
    ObjectNode card = null;
    for (int max : FACT_LENGTHS) {
      card = build.apply(max);
      if (activity(card).toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
        return card;
      }
    }
    return card;
  }
}
