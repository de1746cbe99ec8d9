package dev.sevaswarm.notify;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessInstanceWithVariablesImpl;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * The notification port. Publishing stores the notification, naming every audience and channel it
 * goes to, in the caller's transaction, as a {@code case-notification} process instance: it is
 * stored with the step that caused it (never lost), and its deliveries run in a job of their own with
 * retries, so a failing channel becomes an incident of that delivery and never blocks or rolls back
 * the case. The events one step of a case publishes (the intake's broadcast and the account team's
 * notice) share one instance. Its job sends to the channels side by side, so a Teams card does not
 * wait for a slow mail server, and a retry sends only what has not gone out yet.
 */
@Service
public class Notifications {

  private final RuntimeService runtime;
  private final SwarmProperties properties;
  private final CaseThread thread;
  private final List<Channel> channels;
  /** Per engine command, weakly: an entry goes with its command. */
  private final Map<CommandContext, Batch> batches = Collections.synchronizedMap(new WeakHashMap<>());

  public Notifications(RuntimeService runtime, SwarmProperties properties, CaseThread thread, List<Channel> channels) {
    this.runtime = runtime;
    this.properties = properties;
    this.thread = thread;
    this.channels = channels;
  }

  public void publish(String caseId, NotificationEvent event, Map<String, String> details) {
    List<String> targets = new ArrayList<>();
    for (Audience audience : properties.audiencesOf(event)) {
      if (audience == Audience.PEOPLE && details.get(MessageComposer.PEOPLE) == null) {
        continue; // nobody named
      }
      channels.stream().filter(c -> c.reaches(audience)).forEach(c -> targets.add(Target.of(audience, c.name())));
    }
    if (targets.isEmpty()) {
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NOTIFICATION,
          ThreadWords.of("thread.notification.noChannel", event, properties.audiencesOf(event)));
      return;
    }
    Map<String, Object> published = new LinkedHashMap<>();
    published.put(Var.EVENT, event.name());
    published.put(Var.EVENT_KEY, UUID.randomUUID().toString());
    published.put(Var.PUBLISHED_AT, CaseClock.format(CaseClock.now()));
    published.put(Var.DETAILS, new LinkedHashMap<>(details));
    published.put(Var.TARGETS, targets);
    CommandContext step = Context.getCommandContext();
    Batch batch = step == null ? null : batches.get(step);
    if (batch != null && batch.caseId().equals(caseId)) {
      batch.events().add(published);
      return;
    }
    List<Map<String, Object>> events = new ArrayList<>(List.of(published));
    // one instance and one variable per step, with the case as business key: every instance, job and
    // variable costs rows and their history (docs/BENCHMARKS.md, "The whole work of a case")
    ProcessInstantiationBuilder delivery = runtime.createProcessInstanceByKey(Playbook.Process.CASE_NOTIFICATION)
        .businessKey(caseId);
    if (step == null) {
      delivery.setVariables(Variables.createVariables().putValueTyped(Var.NOTIFICATION, json(events))).execute();
      return;
    }
    // inside an engine command, the variable is written once, as the command ends, with every event
    // the step published for the case: written at the first and changed at the next, it was two
    // variable records in the case's audit trail ("set", then "changed") for one delivery
    ExecutionEntity instance = ((ProcessInstanceWithVariablesImpl) delivery.execute()).getExecutionEntity();
    batches.put(step, new Batch(caseId, events));
    step.registerCommandContextListener(new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext context) {
        instance.setVariable(Var.NOTIFICATION, json(events));
      }

      @Override
      public void onCommandFailed(CommandContext context, Throwable failure) {
        // rolled back with the step: nothing to write
      }
    });
  }

  private static TypedValue json(List<Map<String, Object>> events) {
    return SpinValues.jsonValue(Spin.JSON(Map.of(Var.EVENTS, events)).toString()).create();
  }

  /** The delivery instance a step (an engine command) started for a case, and the events it carries. */
  private record Batch(String caseId, List<Map<String, Object>> events) {}

  /** "AUDIENCE:channel": one delivery of an event. */
  public record Target(Audience audience, String channel) {

    static String of(Audience audience, String channel) {
      return audience.name() + ":" + channel;
    }

    public static Target parse(String text) {
      int colon = text.indexOf(':');
      return new Target(Audience.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }
  }
}
