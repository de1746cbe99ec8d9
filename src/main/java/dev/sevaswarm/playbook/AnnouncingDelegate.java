package dev.sevaswarm.playbook;

import dev.sevaswarm.notify.NotificationEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step whose whole job is to announce an event, with variables as its details: under their own
 * names, or under the names the message uses (e.g. the first response as its "message").
 */
abstract class AnnouncingDelegate implements JavaDelegate {

  private final CaseEvents events;
  private final NotificationEvent event;
  private final Map<String, String> variableOfDetail;

  AnnouncingDelegate(CaseEvents events, NotificationEvent event, String... detailVariables) {
    this(events, event, sameNames(detailVariables));
  }

  /** @param variableOfDetail detail name → the variable that fills it, in the message's order */
  AnnouncingDelegate(CaseEvents events, NotificationEvent event, Map<String, String> variableOfDetail) {
    this.events = events;
    this.event = event;
    this.variableOfDetail = variableOfDetail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> details = new LinkedHashMap<>();
    variableOfDetail.forEach((detail, variable) -> {
      Object value = execution.getVariable(variable);
      details.put(detail, value == null ? null : value.toString());
    });
    events.announce(execution, event, details);
  }

  private static Map<String, String> sameNames(String... variables) {
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(variables).forEach(variable -> names.put(variable, variable));
    return names;
  }
}
