package dev.sevaswarm.notify;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.notify.Notifications.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Delivers one notification to one audience on one channel. Runs in its own job; a failure is
 * recorded and thrown, so the engine retries it and, after the last retry, raises an incident
 * that an operator can retry from Cockpit.
 */
@Component("deliverNotification")
public class DeliverNotificationDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final MessageComposer composer;
  private final List<Channel> channels;
  private final DeliveryLog log;
  private final MeterRegistry metrics;
  private final NotificationRetry retry;

  public DeliverNotificationDelegate(CaseRepository cases, MessageComposer composer, List<Channel> channels,
      DeliveryLog log, MeterRegistry metrics, NotificationRetry retry) {
    this.retry = retry;
    this.cases = cases;
    this.composer = composer;
    this.channels = channels;
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Published published = Published.of(execution);
    String caseId = published.caseId();
    NotificationEvent event = published.event();
    Target target = published.target();
    String eventKey = published.eventKey();
    if (log.delivered(eventKey, target.audience(), target.channel())) {
      return;
    }
    Channel channel = channels.stream().filter(c -> c.name().equals(target.channel())).findFirst()
        .orElseThrow(() -> new IllegalStateException("No channel '" + target.channel() + "'"));
    SupportCase supportCase = cases.find(caseId)
        .orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"));
    Map<String, String> details = published.details();
    ComposedMessage message = composer.compose(supportCase, event, target.audience(), details);
    Delivery delivery = new Delivery(supportCase, event, target.audience(), message, details);
    if (Rehearsal.on()) {
      channel.rehearse(delivery, Rehearsal.ownUrl());
      return;
    }
    String recipient;
    try {
      recipient = channel.deliver(delivery);
    } catch (RuntimeException failure) {
      log.recordFailure(caseId, event, target.audience(), channel.name(), failure.getMessage(),
          RetryNote.of(retry.getCycle()));
      Counter.builder("swarm_notification_failures").description("Failed delivery attempts")
          .tag("channel", channel.name()).register(metrics).increment();
      throw failure;
    }
    Times.parse(published.publishedAt()).ifPresent(at ->
        Timer.builder("swarm_notification_delivery").description("From publishing a notification to its delivery")
            .tag("channel", channel.name()).publishPercentileHistogram().register(metrics)
            .record(Duration.between(at, CaseClock.now())));
    log.recordDelivery(caseId, eventKey, event, target.audience(), channel.name(), recipient);
  }

  /** What was published, from the delivery's one variable (or the several of instances started before 2026-11-29). */
  record Published(String caseId, NotificationEvent event, String eventKey, String publishedAt, Target target,
      Map<String, String> details) {

    static Published of(DelegateExecution execution) {
      Object notification = execution.getVariable(Var.NOTIFICATION);
      if (notification == null) {
        Object details = execution.getVariable(Var.DETAILS);
        return new Published((String) execution.getVariable(Var.CASE_ID),
            NotificationEvent.valueOf((String) execution.getVariable(Var.EVENT)), (String) execution.getVariable(Var.EVENT_KEY),
            (String) execution.getVariable(Var.PUBLISHED_AT), Target.parse((String) execution.getVariable(Var.TARGET)),
            details(details == null ? null : Spin.JSON(details.toString())));
      }
      SpinJsonNode json = Spin.JSON(notification.toString());
      return new Published(execution.getBusinessKey(), NotificationEvent.valueOf(json.prop(Var.EVENT).stringValue()),
          json.prop(Var.EVENT_KEY).stringValue(), json.prop(Var.PUBLISHED_AT).stringValue(),
          Target.parse(json.prop(Var.TARGET).stringValue()), details(json.hasProp(Var.DETAILS) ? json.prop(Var.DETAILS) : null));
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
