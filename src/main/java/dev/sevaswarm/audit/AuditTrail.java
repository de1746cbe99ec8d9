package dev.sevaswarm.audit;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * A case's whole history in one time-ordered list: every step of the support request, the swarm
 * and the notifications (Camunda's history), every task with who claimed and completed it, every
 * operation users made, every variable change (old → new, who), every delivered notification,
 * the case thread, and every reading of this trail.
 */
@Service
public class AuditTrail {

  private static final int MAX_VALUE = 500;
  private static final long SAME_COMMAND_MILLIS = 500;

  private final HistoryService history;
  private final CaseThread thread;
  private final AuditReads reads;

  public AuditTrail(HistoryService history, CaseThread thread, AuditReads reads) {
    this.history = history;
    this.thread = thread;
    this.reads = reads;
  }

  public List<AuditEntry> of(String caseId) {
    List<Sequenced> entries = new ArrayList<>();
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseId).orderByProcessInstanceStartTime().asc().list();
    // kept across the case's instances, as before: an operation logged in one may have set values in another
    Map<String, String> userOfOperation = new HashMap<>();
    Map<String, String> assigneeOfTask = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      add(entries, 0, instance.getStartTime(), instance.getStartUserId(), "process started",
          instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(), "instance " + instance.getId());
      if (instance.getEndTime() != null) {
        add(entries, 9, instance.getEndTime(), null, "process ended", instance.getProcessDefinitionKey(),
            instance.getProcessDefinitionName(), instance.getDeleteReason());
      }
      List<UserOperationLogEntry> operations = history.createUserOperationLogQuery()
          .processInstanceId(instance.getId()).orderByTimestamp().asc().list();
      Actors actors = new Actors(userOfOperation, assigneeOfTask, operations, instance.getStartTime());
      for (UserOperationLogEntry op : operations) {
        userOfOperation.put(op.getOperationId(), op.getUserId());
        add(entries, 4, op.getTimestamp(), op.getUserId(), "operation " + op.getOperationType(),
            op.getProperty(), op.getEntityType(), change(op.getOrgValue(), op.getNewValue()));
      }
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .list()) {
        assigneeOfTask.put(task.getId(), task.getAssignee());
        add(entries, 2, task.getStartTime(), null, "task created", task.getTaskDefinitionKey(), task.getName(), null);
        if (task.getEndTime() != null) {
          add(entries, 6, task.getEndTime(), task.getAssignee(),
              "completed".equals(task.getDeleteReason()) ? "task completed" : "task ended",
              task.getTaskDefinitionKey(), task.getName(), task.getDeleteReason());
        }
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list()) {
          String who = link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId();
          add(entries, 3, link.getTime(), link.getAssignerId(),
              link.getType() + " " + ("add".equals(link.getOperationType()) ? "added" : "removed"),
              task.getTaskDefinitionKey(), task.getName(), who);
        }
      }
      for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).list()) {
        if ("userTask".equals(activity.getActivityType())) {
          continue; // the task entries say it, with the people
        }
        add(entries, 1, activity.getStartTime(), null, "step started", activity.getActivityId(),
            activity.getActivityName(), activity.getActivityType());
        if (activity.getEndTime() != null) {
          add(entries, 7, activity.getEndTime(), null, activity.isCanceled() ? "step cancelled" : "step completed",
              activity.getActivityId(), activity.getActivityName(), activity.getActivityType());
        }
      }
      Map<String, String> previous = new HashMap<>();
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId())
          .variableUpdates().orderPartiallyByOccurrence().asc().list()) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        String value = text(update);
        String before = previous.put(update.getVariableInstanceId(), value);
        String actor = actors.of(update.getUserOperationId(), update.getTaskId(), update.getTime());
        add(entries, 5, update.getTime(), actor, before == null ? "variable set" : "variable changed",
            update.getVariableName(), null, change(before, value));
      }
      // a first value a job or a start set and nobody changed has no detail, only its historic instance (FirstValuesOnce)
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instance.getId()).list()) {
        if (previous.containsKey(variable.getId())) {
          continue;
        }
        String actor = actors.of(null, variable.getTaskId(), variable.getCreateTime());
        add(entries, 5, variable.getCreateTime(), actor, "variable set", variable.getName(), null,
            text(variable::getValue, variable.getTypeName()));
      }
    }
    for (ThreadEntry line : thread.entries(caseId)) {
      add(entries, 8, line.at(), CaseThread.SYSTEM.equals(line.actor()) ? null : line.actor(),
          line.kind() == ThreadKind.NOTIFICATION ? "notification" : "thread " + line.kind(),
          null, null, line.text());
    }
    for (AuditReads.AuditRead read : reads.of(caseId)) {
      add(entries, 10, read.at(), read.userId(), "audit read", null, null, read.format());
    }
    return entries.stream()
        .sorted(Comparator.comparing((Sequenced s) -> s.entry().time()).thenComparingInt(Sequenced::rank)
            .thenComparingInt(Sequenced::index))
        .map(Sequenced::entry)
        .toList();
  }

  /**
   * Who acted in one process instance: the users of the case's operations so far, the assignees of
   * its tasks so far, and this instance's operations, in time order.
   */
  private record Actors(Map<String, String> userOfOperation, Map<String, String> assigneeOfTask,
      List<UserOperationLogEntry> operations, Date startedAt) {

    /**
     * Who set a variable: the user of the operation that set it, else the assignee of the task it
     * belongs to, else the user whose operation was running at that moment.
     */
    String of(String operationId, String taskId, Date time) {
      String actor = operationId == null ? null : userOfOperation.get(operationId);
      if (actor == null && taskId != null) {
        actor = assigneeOfTask.get(taskId);
      }
      return actor != null ? actor : operatorAt(time);
    }

    /**
     * A change made while a user's operation ran is that user's. Camunda logs most operations as
     * their command begins, so a change within {@code SAME_COMMAND_MILLIS} after the entry is theirs
     * (a listener reacting to a completed task, say). It logs a start as the start's last act, once
     * the instance has run up to its first save point or wait, so a change from the instance's start
     * time up to that entry is the starter's: the values passed to the start (which have no detail of
     * their own: FirstValuesOnce) and whatever its first steps set. A job of the instance runs only
     * after the start has committed, so later.
     */
    private String operatorAt(Date time) {
      String operator = null;
      for (UserOperationLogEntry op : operations) {
        long gap = time.getTime() - op.getTimestamp().getTime();
        if (gap < 0) {
          if (isStart(op) && !time.before(startedAt)) {
            operator = op.getUserId();
          }
          break;
        }
        if (gap <= SAME_COMMAND_MILLIS) {
          operator = op.getUserId();
        }
      }
      return operator;
    }

    private static boolean isStart(UserOperationLogEntry op) {
      return UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(op.getOperationType())
          && EntityTypes.PROCESS_INSTANCE.equals(op.getEntityType());
    }
  }

  private static String text(HistoricVariableUpdate update) {
    return text(update::getValue, update.getTypeName());
  }

  private static String text(Supplier<Object> stored, String typeName) {
    Object value;
    try {
      value = stored.get();
    } catch (RuntimeException unreadable) {
      value = "(" + typeName + ")";
    }
    String text = Objects.toString(value, "null");
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
  }

  private static String change(String before, String after) {
    if (before == null && after == null) {
      return null;
    }
    return before == null ? after : before + " → " + after;
  }

  private static void add(List<Sequenced> entries, int rank, Date time, String actor, String action,
      String elementId, String elementName, String details) {
    if (time != null) {
      add(entries, rank, time.toInstant().atOffset(ZoneOffset.UTC), actor, action, elementId, elementName, details);
    }
  }

  private static void add(List<Sequenced> entries, int rank, OffsetDateTime time, String actor, String action,
      String elementId, String elementName, String details) {
    entries.add(new Sequenced(new AuditEntry(time.withOffsetSameInstant(ZoneOffset.UTC), actor, action, elementId,
        elementName, details), rank, entries.size()));
  }

  /** Equal times keep a sensible order: a step starts, its task is offered, worked, completed, the step ends. */
  private record Sequenced(AuditEntry entry, int rank, int index) {}
}
