package dev.sevaswarm.notify;

import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.ChatThreads.ChatThread;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A team channel where each case has a thread of its own (the Slack app, the Teams bot): the
 * intake broadcast starts the thread, with buttons to take the case or join an area; everything
 * later about the case is a reply in it, and the parent is updated to show the case as it is now
 * (owner, next action, next contact, who is on which area). A comment that came in through the
 * tool's own door is not posted back there. The thread is kept with the case, so every node and
 * every restart replies in the same place.
 */
public abstract class ThreadedChat {

  /** What the buttons do: take the case, or join an area's investigation. */
  public static final String TAKE_OWNERSHIP = "take-ownership";
  public static final String JOIN_AREA = "join-area";

  private static final Logger LOG = LoggerFactory.getLogger(ThreadedChat.class);
  private static final List<String> SHOWN_BY_THE_PARENT = MessageComposer.CASE_FACTS;

  /**
   * The thread's parent as it is now.
   *
   * @param owned whether the case has an owner (then there is nothing to take any more)
   */
  public record Parent(String caseId, String title, List<Fact> facts, boolean owned, List<String> joinableAreas,
      String caseLink, Buttons buttons) {}

  /** What the parent's buttons say, in the team's language: take ownership, join per area, open the case. */
  public record Buttons(String takeOwnership, java.util.Map<String, String> join, String openCase) {}

  private final String tool;
  private final ChatThreads threads;
  /** Looked up when needed: the room that provides it publishes notifications itself. */
  private final ObjectProvider<CaseState> state;

  private final MessageComposer words;

  protected ThreadedChat(String tool, ChatThreads threads, ObjectProvider<CaseState> state, MessageComposer words) {
    this.words = words;
    this.tool = tool;
    this.threads = threads;
    this.state = state;
  }

  /** Posts a new message to the channel: the parent of the case's thread; returns where it is. */
  protected abstract ChatThread start(Delivery delivery, Parent parent);

  /** Posts the delivery's news as a reply in the thread; returns the reply's id. */
  protected abstract String reply(ChatThread thread, Delivery delivery);

  /** Shows the case as it is now in the thread's parent. */
  protected abstract void refresh(ChatThread thread, Parent parent);

  /** Posts a line of plain text in the thread. */
  protected abstract void say(ChatThread thread, String text);

  /**
   * Whether the tool calls people by name in the case's thread (notifications for {@link Audience#PEOPLE}:
   * an invitation, a mention in a comment); false leaves them to the mail.
   */
  public boolean mentionsPeople() {
    return false;
  }

  /** How the tool calls a person by name in a message (a mention where the tool knows them). */
  protected String mention(String userId) {
    return userId;
  }

  /** Escapes case text for the tool's messages. */
  protected String text(String text) {
    return text;
  }

  /** Says in the case's thread (when it has one) what someone did from its message. */
  public void announce(String caseId, String text) {
    threads.of(caseId, tool).ifPresent(thread -> say(thread, text(text)));
  }

  public String deliver(Delivery delivery) {
    String caseId = delivery.supportCase().caseId();
    if (tool.equals(delivery.details().get(Delivery.VIA))) {
      return "the " + tool + " thread itself (the comment came from there)";
    }
    Optional<ChatThread> thread = threads.of(caseId, tool);
    if (delivery.audience() == Audience.PEOPLE) {
      if (thread.isEmpty()) {
        return "nobody in " + tool + " (the case has no thread there to call them in)";
      }
      String said = delivery.details().getOrDefault(MessageComposer.MESSAGE, "");
      say(thread.get(), String.join(" ", delivery.people().stream().map(this::mention).toList()) + " "
          + text(delivery.message().headline() + (said.isBlank() ? "" : ": " + said)));
      return tool + " mention of " + String.join(", ", delivery.people()) + " in thread " + thread.get().threadId();
    }
    if (thread.isEmpty()) {
      ChatThread started = start(delivery, parent(delivery.supportCase(), delivery.message().caseLink()));
      if (delivery.event() == NotificationEvent.INTAKE_BROADCAST || delivery.event() == NotificationEvent.RAISED_TO_SEV_A) {
        threads.save(started);
        return tool + " thread " + started.threadId() + " in " + started.channel();
      }
      return tool + " message " + started.parentId() + " in " + started.channel();
    }
    String reply = reply(thread.get(), delivery);
    try {
      refresh(thread.get(), parent(delivery.supportCase(), delivery.message().caseLink()));
    } catch (RuntimeException e) {
      // the reply is what the team needed; the parent catches up with the next news of the case
      LOG.warn("The {} thread of {} got the news, but its parent could not be updated: {}", tool, caseId,
          e.getMessage());
    }
    return tool + " reply " + reply + " in thread " + thread.get().threadId();
  }

  /** The thread's parent: the case, its state now, and what one can do from the message. */
  public Parent parent(SupportCase c, String caseLink) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(words.teamWord("team.fact.customer"), c.customer(), "customer"));
    facts.add(new Fact(words.teamWord("team.fact.businessImpact"), c.businessImpact(), "businessImpact"));
    facts.addAll(state.getObject().of(c.caseId()));
    boolean owned = facts.stream().anyMatch(f -> CaseState.OWNER.equals(f.key()));
    List<String> areas = state.getObject().joinableAreas();
    java.util.Map<String, String> join = new java.util.LinkedHashMap<>();
    areas.forEach(area -> join.put(area, words.teamWord("team.button.join", area)));
    return new Parent(c.caseId(), "[" + c.caseId() + "][Sev " + c.severity() + "] " + c.title(), facts, owned,
        areas, caseLink, new Buttons(words.teamWord("team.button.takeOwnership"), join,
            words.teamWord("team.button.openCase")));
  }

  /** A reply's facts: what the news says, without what the parent already shows. */
  protected static List<Fact> replyFacts(ComposedMessage message) {
    return message.facts().stream().filter(f -> !SHOWN_BY_THE_PARENT.contains(f.key()))
        .filter(f -> f.value() != null && !f.value().isBlank()).toList();
  }

  protected static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
