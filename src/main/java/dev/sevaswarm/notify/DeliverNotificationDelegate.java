package dev.sevaswarm.notify;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.NewInstanceJobsAtOnce;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.notify.Notifications.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Delivers what one step of a case published (one event or several) to each audience and channel.
 * Runs in its own job; the channels are sent to side by side ({@link ChannelSenders}), and each
 * delivery is marked in the delivery log as soon as its channel took it, so a retry sends only what
 * has not gone out yet. Once the chat posts are out (or after {@link #CHAT_PATIENCE}), the job only
 * waits for its peers, and the jobs queued behind it on its thread go to a free one. A failure is
 * recorded on the case's thread and thrown, naming the channels that failed, so the engine retries
 * the job and, after the last retry, raises an incident that an operator can retry from Cockpit.
 */
@Component("deliverNotification")
public class DeliverNotificationDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final MessageComposer composer;
  private final List<Channel> channels;
  private final DeliveryLog log;
  private final MeterRegistry metrics;
  private final NotificationRetry retry;
  private final ChannelSenders senders;

  /**
   * How long the chat posts have the job's thread to themselves: on two cores, the owner task's job
   * made beside them would take CPU from the Teams card.
   */
  static final Duration CHAT_PATIENCE = Duration.ofMillis(200);

  public DeliverNotificationDelegate(CaseRepository cases, MessageComposer composer, List<Channel> channels,
      DeliveryLog log, MeterRegistry metrics, NotificationRetry retry, ChannelSenders senders) {
    this.retry = retry;
    this.cases = cases;
    this.composer = composer;
    this.channels = channels;
    this.log = log;
    this.metrics = metrics;
    this.senders = senders;
  }

  /** One event for one audience on one channel, composed and ready to send. */
  private record Sending(Published published, Target target, Channel channel, Delivery delivery) {

    boolean isMail() {
      return MailChannel.NAME.equals(channel.name());
    }

    @Override
    public String toString() {
      return channel.name() + " to " + target.audience() + " (" + published.event() + ")";
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Published> events = Published.of(execution);
    Set<String> delivered = log.delivered(events.stream().map(Published::eventKey).toList());
    List<Sending> sendings = new ArrayList<>();
    SupportCase supportCase = null;
    for (Published published : events) {
      List<Target> pending = published.targets().stream().filter(target -> !delivered.contains(
          DeliveryLog.key(published.eventKey(), target.audience(), target.channel()))).toList();
      if (pending.isEmpty()) {
        continue;
      }
      if (supportCase == null) {
        supportCase = cases.find(published.caseId())
            .orElseThrow(() -> new IllegalStateException("Case " + published.caseId() + " does not exist"));
      }
      sendings.addAll(composed(supportCase, published, pending));
    }
    if (sendings.isEmpty()) {
      return;
    }
    if (Rehearsal.on()) {
      sendings.forEach(sending -> sending.channel().rehearse(sending.delivery(), Rehearsal.ownUrl()));
      return;
    }
    // chat posts first: one request each, they leave before the mails (each built on its thread,
    // then an SMTP conversation) take the cores; on two, what is started first runs first
    sendings.sort(Comparator.comparing(Sending::isMail));
    List<CompletableFuture<String>> sent = sendings.stream()
        .map(sending -> senders.send(sending.channel().name(), () -> deliver(sending))).toList();
    awaitChatPosts(sendings, sent);
    if (sent.stream().anyMatch(sending -> !sending.isDone())) {
      // what is left only waits for a peer: the jobs queued behind this one on its thread (a new
      // swarm's owner task) go to a free thread instead of waiting for the mails
      NewInstanceJobsAtOnce.letWaitingJobsGo();
    }
    Map<Sending, RuntimeException> failures = new LinkedHashMap<>();
    for (int i = 0; i < sendings.size(); i++) {
      try {
        sent.get(i).join();
      } catch (CompletionException e) {
        failures.put(sendings.get(i), e.getCause() instanceof RuntimeException failure ? failure : e);
      }
    }
    if (failures.size() < sendings.size()) {
      log.deliveriesToDisk();
    }
    failures.forEach((sending, failure) -> {
      log.recordFailure(sending.published().caseId(), sending.published().event(), sending.target().audience(),
          sending.channel().name(), failure.getMessage(), RetryNote.of(retry.getCycle()));
      Counter.builder("swarm_notification_failures").description("Failed delivery attempts")
          .tag("channel", sending.channel().name()).register(metrics).increment();
    });
    if (!failures.isEmpty()) {
      throw new DeliveryFailed(failures);
    }
  }

  /** Waits for the chat posts, for at most {@link #CHAT_PATIENCE}; whether they failed is seen later. */
  private static void awaitChatPosts(List<Sending> sendings, List<CompletableFuture<String>> sent) {
    CompletableFuture<?>[] chats = IntStream.range(0, sendings.size())
        .filter(i -> !sendings.get(i).isMail())
        .mapToObj(sent::get).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(chats).get(CHAT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException notYet) {
      // a failure is reported with the others; a slow chat tool is waited for after the hand-over
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Sending> composed(SupportCase supportCase, Published published, List<Target> targets) {
    Map<Audience, ComposedMessage> messages = new EnumMap<>(Audience.class);
    List<Sending> sendings = new ArrayList<>();
    for (Target target : targets) {
      Channel channel = channels.stream().filter(c -> c.name().equals(target.channel())).findFirst()
          .orElseThrow(() -> new IllegalStateException("No channel '" + target.channel() + "'"));
      ComposedMessage message = messages.computeIfAbsent(target.audience(),
          audience -> composer.compose(supportCase, published.event(), audience, published.details()));
      sendings.add(new Sending(published, target, channel,
          new Delivery(supportCase, published.event(), target.audience(), message, published.details())));
    }
    return sendings;
  }

  /** Sends on the channel's own thread, and marks it delivered there and then. */
  private String deliver(Sending sending) {
    Published published = sending.published();
    String recipient = sending.channel().deliver(sending.delivery());
    Times.parse(published.publishedAt()).ifPresent(at ->
        Timer.builder("swarm_notification_delivery").description("From publishing a notification to its delivery")
            .tag("channel", sending.channel().name()).publishPercentileHistogram().register(metrics)
            .record(Duration.between(at, CaseClock.now())));
    log.recordDelivery(published.caseId(), published.eventKey(), published.event(), sending.target().audience(),
        sending.channel().name(), recipient);
    return recipient;
  }

  /** Some of an event's deliveries failed: the incident's message names each, with its reason. */
  static class DeliveryFailed extends RuntimeException {

    DeliveryFailed(Map<Sending, RuntimeException> failures) {
      super(failures.entrySet().stream()
          .map(f -> f.getKey() + " failed: " + f.getValue().getMessage())
          .collect(Collectors.joining("; ")), failures.values().iterator().next());
      failures.values().stream().skip(1).forEach(this::addSuppressed);
    }
  }

  /** One event as published, from the delivery's one variable (or the several of instances started before 2026-11-29). */
  record Published(String caseId, NotificationEvent event, String eventKey, String publishedAt, List<Target> targets,
      Map<String, String> details) {

    /** Every event the delivery carries: one step's events, or one of an instance started before 2026-11-30. */
    static List<Published> of(DelegateExecution execution) {
      Object notification = execution.getVariable(Var.NOTIFICATION);
      if (notification == null) {
        Object details = execution.getVariable(Var.DETAILS);
        return List.of(new Published((String) execution.getVariable(Var.CASE_ID),
            NotificationEvent.valueOf((String) execution.getVariable(Var.EVENT)), (String) execution.getVariable(Var.EVENT_KEY),
            (String) execution.getVariable(Var.PUBLISHED_AT), List.of(Target.parse((String) execution.getVariable(Var.TARGET))),
            details(details == null ? null : Spin.JSON(details.toString()))));
      }
      SpinJsonNode json = Spin.JSON(notification.toString());
      if (!json.hasProp(Var.EVENTS)) {
        return List.of(one(execution.getBusinessKey(), json));
      }
      return json.prop(Var.EVENTS).elements().stream().map(event -> one(execution.getBusinessKey(), event)).toList();
    }

    private static Published one(String caseId, SpinJsonNode json) {
      return new Published(caseId, NotificationEvent.valueOf(json.prop(Var.EVENT).stringValue()),
          json.prop(Var.EVENT_KEY).stringValue(), json.prop(Var.PUBLISHED_AT).stringValue(),
          targets(json), details(json.hasProp(Var.DETAILS) ? json.prop(Var.DETAILS) : null));
    }

    /** Every target of the event; a delivery published before 2026-11-30 has one. */
    private static List<Target> targets(SpinJsonNode json) {
      if (!json.hasProp(Var.TARGETS)) {
        return List.of(Target.parse(json.prop(Var.TARGET).stringValue()));
      }
      return json.prop(Var.TARGETS).elements().stream().map(target -> Target.parse(target.stringValue())).toList();
    }

    private static Map<String, String> details(SpinJsonNode json) {
      Map<String, String> details = new LinkedHashMap<>();
      if (json != null && json.isObject()) {
        json.fieldNames().forEach(name -> {
          SpinJsonNode value = json.prop(name);
          details.put(name, value.isNull() ? null : value.isString() ? value.stringValue() : value.toString());
        });
      }
      return details;
    }
  }
}
