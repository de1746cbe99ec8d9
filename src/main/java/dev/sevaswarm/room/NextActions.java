package dev.sevaswarm.room;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.notify.Notifications;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The case's next action: what the owner does next and by when. Every change is on the record, in
 * the thread and in the team channel, and moves the swarm's next-action watch, which asks the team
 * for help when the action is overdue by the grace the response-times table gives.
 */
@Service
public class NextActions {

  /** The next action as the API shows it. */
  public record NextAction(String text, OffsetDateTime due, String by, OffsetDateTime at) {}

  /** When the table gives no grace (an older playbook version). */
  static final int DEFAULT_GRACE_MINUTES = 15;

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final CaseThread thread;
  private final Notifications notifications;

  public NextActions(DataSource dataSource, RuntimeService runtime, ManagementService management, CaseThread thread,
      Notifications notifications) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.runtime = runtime;
    this.management = management;
    this.thread = thread;
    this.notifications = notifications;
  }

  public Optional<NextAction> of(String caseId) {
    List<NextAction> found = jdbc.query("select next_action, next_action_due, next_action_by, next_action_at "
        + "from support_case where case_id = ? and next_action is not null", (rs, row) -> new NextAction(
            rs.getString("next_action"), rs.getObject("next_action_due", OffsetDateTime.class),
            rs.getString("next_action_by"), rs.getObject("next_action_at", OffsetDateTime.class)), caseId);
    return found.stream().findFirst();
  }

  /**
   * Sets the next action. Called as the system (the caller's right to do so is checked at the
   * door); {@code swarmInstanceId} is the running swarm whose watch moves, if there is one.
   */
  public NextAction set(String caseId, String text, OffsetDateTime due, String by, Optional<String> swarmInstanceId) {
    NextAction action = new NextAction(text.strip(), due, by, CaseClock.now());
    jdbc.update("update support_case set next_action = ?, next_action_due = ?, next_action_by = ?, next_action_at = ? "
        + "where case_id = ?", action.text(), action.due(), action.by(), action.at(), caseId);
    swarmInstanceId.ifPresent(swarm -> moveWatch(swarm, action));
    thread.post(caseId, by, ThreadKind.NEXT_ACTION, ThreadWords.of("thread.nextAction", action.text(), CaseClock.format(due)));
    Map<String, String> details = new LinkedHashMap<>();
    details.put(Var.NEXT_ACTION, action.text());
    details.put(Var.NEXT_ACTION_DUE, CaseClock.format(due));
    details.put("setBy", by);
    notifications.publish(caseId, NotificationEvent.NEXT_ACTION, details);
    return action;
  }

  /** The running swarm of a case, if it has one. */
  public Optional<String> swarmOf(String caseId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list().stream().findFirst()
        .map(ProcessInstance::getId);
  }

  private void moveWatch(String swarm, NextAction action) {
    Object grace = runtime.getVariable(swarm, Var.NEXT_ACTION_GRACE_MINUTES);
    OffsetDateTime helpAt = action.due().plusMinutes(grace instanceof Number n ? n.longValue() : DEFAULT_GRACE_MINUTES);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.NEXT_ACTION, action.text());
    variables.put(Var.NEXT_ACTION_DUE, CaseClock.format(action.due()));
    variables.put(Var.NEXT_ACTION_HELP_AT, CaseClock.format(helpAt));
    variables.put(Var.NEXT_ACTION_WATCH_AT, CaseClock.format(helpAt));
    runtime.setVariables(swarm, variables);
    for (Job watch : management.createJobQuery().processInstanceId(swarm).activityId(Playbook.Element.NEXT_ACTION_WATCH)
        .list()) {
      management.setJobDuedate(watch.getId(), java.util.Date.from(helpAt.toInstant()));
    }
  }
}
