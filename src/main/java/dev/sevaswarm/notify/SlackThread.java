package dev.sevaswarm.notify;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.DisplayNames;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Slack thread per case, through the Slack app ({@link ThreadedChat}): the parent has Take
 * ownership and Join buttons (action ids {@code take-ownership} and {@code join-area:<area>}).
 */
@Component
public class SlackThread extends ThreadedChat {

  public static final String TOOL = "slack";

  private static final int MAX_FIELDS = 10;
  private static final int MAX_FIELD = 1900;

  private final SwarmProperties properties;
  private final SlackWebApi slack;

  private final IdentityService identity;

  public SlackThread(SwarmProperties properties, SlackWebApi slack, ChatThreads threads,
      ObjectProvider<CaseState> state, IdentityService identity, MessageComposer words) {
    super(TOOL, threads, state, words);
    this.identity = identity;
    this.properties = properties;
    this.slack = slack;
  }

  @Override
  protected ChatThread start(Delivery delivery, Parent parent) {
    String channel = properties.slack().channel();
    String ts = slack.post(channel, ChannelText.slack(delivery.message().subject()), blocks(parent), null);
    return new ChatThread(parent.caseId(), TOOL, channel, ts);
  }

  @Override
  protected String reply(ChatThread thread, Delivery delivery) {
    return slack.post(thread.channel(), ChannelText.slack(delivery.message().subject()), reply(delivery.message()),
        thread.threadId());
  }

  @Override
  protected void refresh(ChatThread thread, Parent parent) {
    slack.update(thread.channel(), thread.parentId(), ChannelText.slack(parent.title()), blocks(parent));
  }

  @Override
  protected void say(ChatThread thread, String text) {
    slack.post(thread.channel(), text, null, thread.threadId());
  }

  @Override
  public boolean mentionsPeople() {
    return true;
  }

  /** {@code <@U…>} for the Slack user with the person's e-mail; their name where Slack knows nobody. */
  @Override
  protected String mention(String userId) {
    String email = Caller.asSystem(identity, () -> Optional.ofNullable(identity.createUserQuery().userId(userId)
        .singleResult()).map(User::getEmail).orElse(null));
    return Optional.ofNullable(email).filter(e -> !e.isBlank()).flatMap(slack::userIdOf).map(id -> "<@" + id + ">")
        .orElseGet(() -> ChannelText.slack(Caller.asSystem(identity, () -> DisplayNames.of(identity, userId))));
  }

  @Override
  protected String text(String text) {
    return ChannelText.slack(text);
  }

  private static List<LayoutBlock> blocks(Parent parent) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(ChannelText.slack(shorten(parent.title(), 150))))));
    blocks.addAll(fields(parent.facts()));
    List<BlockElement> buttons = new ArrayList<>();
    String caseId = parent.caseId();
    if (!parent.owned()) {
      buttons.add(button(b -> b.actionId(TAKE_OWNERSHIP).value(caseId).style("primary")
          .text(plainText(parent.buttons().takeOwnership()))));
    }
    for (String area : parent.joinableAreas()) {
      buttons.add(button(b -> b.actionId(JOIN_AREA + ":" + area).value(caseId + ":" + area)
          .text(plainText(parent.buttons().join().get(area)))));
    }
    buttons.add(button(b -> b.actionId("open-case").url(parent.caseLink()).text(plainText(parent.buttons().openCase()))));
    blocks.add(actions(a -> a.elements(buttons)));
    return blocks;
  }

  /** A reply: what happened, with the message's own facts. */
  private static List<LayoutBlock> reply(ComposedMessage message) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*" + ChannelText.slack(message.headline()) + "*"))));
    blocks.addAll(fields(replyFacts(message)));
    return blocks;
  }

  private static List<LayoutBlock> fields(List<Fact> facts) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int from = 0; from < facts.size(); from += MAX_FIELDS) {
      List<TextObject> fields = facts.subList(from, Math.min(facts.size(), from + MAX_FIELDS)).stream()
          .filter(f -> f.value() != null && !f.value().isBlank())
          .map(f -> (TextObject) markdownText("*" + ChannelText.slack(f.title()) + "*\n"
              + ChannelText.slack(shorten(f.value(), MAX_FIELD))))
          .toList();
      if (!fields.isEmpty()) {
        blocks.add(section(s -> s.fields(fields)));
      }
    }
    return blocks;
  }
}
