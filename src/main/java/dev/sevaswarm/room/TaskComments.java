package dev.sevaswarm.room;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.identity.Caller;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasklist's "Add comment" on a case's task: the person working the task (its assignee, or anyone
 * of its candidate groups) comments on the case. The comment is the case's (thread, channels,
 * audit) and Tasklist's own comment list shows it too.
 */
@Service
public class TaskComments {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ProcessEngine engine;
  private final CaseComments comments;
  private final TransactionTemplate transaction;

  public TaskComments(TaskService tasks, RuntimeService runtime, IdentityService identity, ProcessEngine engine,
      CaseComments comments, PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.engine = engine;
    this.comments = comments;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The comment made, or nothing when the task does not exist (the engine answers for that). */
  public Optional<Comment> add(String taskId, Caller caller, String message) {
    Task task = Caller.asSystem(identity, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return Optional.empty();
    }
    if (caller.userId() == null) {
      throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Log in to comment");
    }
    if (!works(task, caller)) {
      throw ApiException.forbidden("Only the person working this task (or its groups) may comment on it here");
    }
    String caseId = Caller.asSystem(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return Optional.of(Caller.asSystem(identity, () -> transaction.execute(status -> {
      comments.comment(caseId, caller.userId(), message, List.of());
      identity.setAuthentication(caller.userId(), caller.groups());
      try {
        // the engine's own comment, by the caller, for Tasklist's list (its REST door asks for
        // history permissions engineers do not have, which is why Tasklist failed for them)
        return configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          try {
            return new AddCommentCmd(taskId, task.getProcessInstanceId(), message.strip()).execute(context);
          } finally {
            context.enableAuthorizationCheck();
          }
        });
      } finally {
        identity.clearAuthentication();
      }
    })));
  }

  private boolean works(Task task, Caller caller) {
    if (caller.inAnyOf(List.of(Playbook.Group.DUTY_MANAGERS, Playbook.Group.CAMUNDA_ADMIN))
        || Objects.equals(task.getAssignee(), caller.userId())) {
      return true;
    }
    return Caller.asSystem(identity, () -> tasks.getIdentityLinksForTask(task.getId())).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).anyMatch(caller.groups()::contains);
  }
}
