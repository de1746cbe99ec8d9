package dev.sevaswarm.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.TeamsThread;
import dev.sevaswarm.room.CaseComments;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A reply in a case's Teams thread becomes a case comment by the person who wrote it (the Camunda
 * user with their Teams e-mail), or by {@code teams:<name>} when they match nobody. Teams sends a
 * message as HTML, with an {@code <at>} for each mention: the comment keeps the words, without the
 * markup and without the mention of the bot itself.
 */
@Component
public class TeamsReplies {

  private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");

  private final TeamsPeople people;
  private final CaseComments comments;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public TeamsReplies(TeamsPeople people, CaseComments comments, IdentityService identity,
      PlatformTransactionManager transactions) {
    this.people = people;
    this.comments = comments;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void handle(JsonNode activity, ChatThread thread) {
    String text = words(activity);
    if (text.isBlank()) {
      return;
    }
    String author = people.of(activity).map(Caller::userId).orElseGet(() -> TeamsPeople.outsider(activity));
    Caller.asSystem(identity, () -> {
      transaction.executeWithoutResult(status -> comments.comment(thread.caseId(), author, text, List.of(),
          TeamsThread.TOOL));
      return null;
    });
  }

  /** The message's words: without the bot's mention, the HTML, or its entities. */
  static String words(JsonNode activity) {
    String text = activity.path("text").asText("");
    String bot = activity.path("recipient").path("id").asText("");
    for (JsonNode entity : activity.path("entities")) {
      if ("mention".equals(entity.path("type").asText()) && bot.equals(entity.path("mentioned").path("id").asText())) {
        text = text.replace(entity.path("text").asText("\u0000"), "");
      }
    }
    text = LINE_BREAKS.matcher(text).replaceAll("\n");
    text = HtmlUtils.htmlUnescape(TAGS.matcher(text).replaceAll(""));
    return text.replace('\u00a0', ' ').strip().replaceAll("\n{3,}", "\n\n");
  }
}
