package dev.sevaswarm.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.notify.BotConnector.Conversation;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Teams thread per case, through the bot ({@link ThreadedChat}): the broadcast is a new post in
 * the team channel (its conversation id {@code 19:...;messageid=N} is the thread), later news are
 * replies in it, and the parent card is updated in place.
 */
@Component
public class TeamsThread extends ThreadedChat {

  public static final String TOOL = "teams";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SwarmProperties properties;
  private final BotConnector teams;

  public TeamsThread(SwarmProperties properties, BotConnector teams, ChatThreads threads,
      ObjectProvider<CaseState> state, MessageComposer words) {
    super(TOOL, threads, state, words);
    this.properties = properties;
    this.teams = teams;
  }

  @Override
  protected ChatThread start(Delivery delivery, Parent parent) {
    String channel = properties.teams().channelId();
    Conversation started = teams.startConversation(channel, TeamsCards.activity(TeamsCards.parent(parent, null, null)));
    return new ChatThread(parent.caseId(), TOOL, channel, started.id(), started.activityId());
  }

  @Override
  protected String reply(ChatThread thread, Delivery delivery) {
    ComposedMessage message = delivery.message();
    return teams.reply(thread.threadId(), TeamsCards.activity(TeamsCards.news(message.headline(),
        replyFacts(message), List.of(new Fact("Open the case", message.caseLink())))));
  }

  @Override
  protected void say(ChatThread thread, String text) {
    ObjectNode activity = JSON.createObjectNode().put("type", "message").put("textFormat", "plain").put("text", text);
    teams.reply(thread.threadId(), activity);
  }

  @Override
  protected void refresh(ChatThread thread, Parent parent) {
    teams.update(thread.threadId(), thread.parentId(), TeamsCards.activity(TeamsCards.parent(parent, null, null)));
  }
}
