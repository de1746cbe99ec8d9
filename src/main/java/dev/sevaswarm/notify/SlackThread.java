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
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Slack thread per case, through the Slack app: the intake broadcast is the thread's parent
 * (with Take ownership and Join buttons), everything later about the case is a reply in it, and
 * the parent is updated to show the case as it is now (owner, next action, next contact, who is on
 * which area). A comment that came in from Slack is not posted back to Slack.
 */
@Component
public class SlackThread {

  public static final String TOOL = "slack";
  /** Button action ids; a join button carries the area after the colon. */
  public static final String TAKE_OWNERSHIP = "take-ownership";
  public static final String JOIN_AREA = "join-area";

  private static final int MAX_FIELDS = 10;
  private static final int MAX_FIELD = 1900;

  private final SwarmProperties properties;
  private final SlackWebApi slack;
  private final ChatThreads threads;
  /** Looked up when needed: the room that provides it publishes notifications itself. */
  private final ObjectProvider<CaseState> state;

  public SlackThread(SwarmProperties properties, SlackWebApi slack, ChatThreads threads,
      ObjectProvider<CaseState> state) {
    this.properties = properties;
    this.slack = slack;
    this.threads = threads;
    this.state = state;
  }

  public String deliver(Delivery delivery) {
    String caseId = delivery.supportCase().caseId();
    if (TOOL.equals(delivery.details().get(Delivery.VIA))) {
      return "the Slack thread itself (the comment came from there)";
    }
    String channel = properties.slack().channel();
    ComposedMessage message = delivery.message();
    Optional<ChatThread> thread = threads.of(caseId, TOOL);
    if (thread.isEmpty()) {
      String ts = slack.post(channel, ChannelText.slack(message.subject()), parent(delivery, message), null);
      if (delivery.event() == NotificationEvent.INTAKE_BROADCAST || delivery.event() == NotificationEvent.RAISED_TO_SEV_A) {
        threads.save(new ChatThread(caseId, TOOL, channel, ts));
        return "slack thread " + ts + " in " + channel;
      }
      return "slack message " + ts + " in " + channel;
    }
    String ts = slack.post(channel, ChannelText.slack(message.subject()), reply(message), thread.get().threadId());
    slack.update(channel, thread.get().threadId(), ChannelText.slack(message.subject()), parent(delivery, message));
    return "slack reply " + ts + " in thread " + thread.get().threadId();
  }

  /** The thread's parent: the case, its state now, and what one can do from the message. */
  private List<LayoutBlock> parent(Delivery delivery, ComposedMessage message) {
    String caseId = delivery.supportCase().caseId();
    String title = "[" + caseId + "][Sev " + delivery.supportCase().severity() + "] " + delivery.supportCase().title();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Customer", delivery.supportCase().customer()));
    facts.add(new Fact("Business impact", delivery.supportCase().businessImpact()));
    facts.addAll(state.getObject().of(caseId));
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(ChannelText.slack(shorten(title, 150))))));
    blocks.addAll(fields(facts));
    List<BlockElement> buttons = new ArrayList<>();
    boolean owned = facts.stream().anyMatch(f -> f.title().equals("Owner"));
    if (!owned) {
      buttons.add(button(b -> b.actionId(TAKE_OWNERSHIP).value(caseId).style("primary")
          .text(plainText("Take ownership"))));
    }
    for (String area : state.getObject().joinableAreas()) {
      buttons.add(button(b -> b.actionId(JOIN_AREA + ":" + area).value(caseId + ":" + area)
          .text(plainText("Join: " + area))));
    }
    buttons.add(button(b -> b.actionId("open-case").url(message.caseLink()).text(plainText("Open the case"))));
    blocks.add(actions(a -> a.elements(buttons)));
    return blocks;
  }

  /** A reply: what happened, with the message's own facts. */
  private static List<LayoutBlock> reply(ComposedMessage message) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*" + ChannelText.slack(message.headline()) + "*"))));
    blocks.addAll(fields(message.facts().stream()
        .filter(f -> !List.of("Customer", "Severity", "Plan", "Title", "Business impact", "Recover by",
            "First response due", "Services").contains(f.title())).toList()));
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

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
