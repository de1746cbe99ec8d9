package dev.sevaswarm.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.SlackThread;
import dev.sevaswarm.room.CaseComments;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reply in a case's Slack thread becomes a case comment by the person who wrote it (the Camunda
 * user with their Slack e-mail), or by {@code slack:<name>} when they match nobody. Bot messages,
 * ours included, and edits are not comments.
 */
@Component
public class SlackReplies {

  private final ChatThreads threads;
  private final SlackPeople people;
  private final CaseComments comments;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public SlackReplies(ChatThreads threads, SlackPeople people, CaseComments comments, IdentityService identity,
      PlatformTransactionManager transactions) {
    this.threads = threads;
    this.people = people;
    this.comments = comments;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void handle(JsonNode event) {
    boolean reply = "message".equals(event.path("type").asText()) && event.hasNonNull("thread_ts")
        && !event.path("thread_ts").asText().equals(event.path("ts").asText());
    boolean byPerson = !event.hasNonNull("bot_id") && !event.hasNonNull("subtype") && event.hasNonNull("user");
    if (!reply || !byPerson || event.path("text").asText().isBlank()) {
      return;
    }
    threads.byThread(SlackThread.TOOL, event.path("channel").asText(), event.path("thread_ts").asText())
        .ifPresent(thread -> {
          String slackUser = event.path("user").asText();
          String author = people.of(slackUser).map(Caller::userId).orElseGet(() -> people.outsider(slackUser));
          Caller.asSystem(identity, () -> {
            transaction.executeWithoutResult(status -> comments.comment(thread.caseId(), author,
                event.path("text").asText(), List.of(), SlackThread.TOOL));
            return null;
          });
        });
  }
}
