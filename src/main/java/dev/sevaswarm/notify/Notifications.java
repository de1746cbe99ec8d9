package dev.sevaswarm.notify;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;

/**
 * The notification port. Publishing starts one {@code case-notification} process instance in the
 * caller's transaction: the notification is stored with the step that caused it (never lost), and
 * each audience is delivered in its own job with retries (a failing channel becomes an incident
 * of that delivery and never blocks or rolls back the case).
 */
@Service
public class Notifications {

  private final RuntimeService runtime;
  private final SwarmProperties properties;
  private final CaseThread thread;

  public Notifications(RuntimeService runtime, SwarmProperties properties, CaseThread thread) {
    this.runtime = runtime;
    this.properties = properties;
    this.thread = thread;
  }

  public void publish(String caseId, NotificationEvent event, Map<String, String> details) {
    List<Audience> audiences = properties.audiencesOf(event).stream().filter(this::reachable).toList();
    if (audiences.isEmpty()) {
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NOTIFICATION,
          event + ": no channel is configured for " + properties.audiencesOf(event) + ", nothing sent");
      return;
    }
    runtime.createProcessInstanceByKey(Playbook.Process.CASE_NOTIFICATION)
        .businessKey(caseId)
        .setVariables(Variables.createVariables()
            .putValue(Var.CASE_ID, caseId)
            .putValue(Var.EVENT, event.name())
            .putValue(Var.EVENT_KEY, UUID.randomUUID().toString())
            .putValue(Var.AUDIENCES, audiences.stream().map(Enum::name).collect(Collectors.joining(",")))
            .putValue(Var.DETAILS, Spin.JSON(new LinkedHashMap<>(details)).toString()))
        .execute();
  }

  private boolean reachable(Audience audience) {
    return switch (audience) {
      case TEAM -> present(properties.broadcast().teamEmail())
          || present(properties.broadcast().teamsWebhookUrl())
          || present(properties.broadcast().slackWebhookUrl());
      case SALES -> present(properties.sales().email());
      case CUSTOMER, DUTY_MANAGERS -> true;
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
