package dev.sevaswarm.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.springframework.stereotype.Component;

/**
 * Writes a variable's first value once when a job or a start set it. At history level full the
 * engine records a new variable twice: its historic variable instance and a history detail with
 * the same value. For variables a job creates (the swarm's copies of the case, its deadlines, the
 * notices' lists) and those a start creates (the case as the intake sent it), most never changed,
 * the detail is left out; the historic variable instance keeps the value and its time, and the
 * audit trail reads it from there, naming the person who started the instance for the start's
 * values (Camunda logs the start's operation as the start's last act). When such a variable changes
 * or is removed, the detail of its first value is written first, from the historic variable
 * instance (which still holds it at that moment), so every value a variable ever had stays in the
 * history. Variables a person sets in any other operation (completing a task, changing a variable)
 * keep their detail, which names the operation.
 */
@Component
public class FirstValuesOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's own writer of history rows, with the first values of a job or a start written once. */
  static class Handler extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      if (firstValueOfJobOrStart(event)) {
        return false;
      }
      return super.shouldWriteHistoricDetail(event);
    }

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (!event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && super.shouldWriteHistoricDetail(event)
          && !firstValueWritten(event.getVariableInstanceId())) {
        writeFirstValue(event);
      }
      super.insertHistoricVariableUpdateEntity(event);
    }

    private static boolean firstValueOfJobOrStart(HistoricVariableUpdateEventEntity event) {
      return event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && (event.getUserOperationId() == null
          || Context.getCommandInvocationContext().getCommand() instanceof StartProcessInstanceCmd);
    }

    /** Whether the variable has a detail already: in this command (not yet flushed) or in the database. */
    private static boolean firstValueWritten(String variableInstanceId) {
      CommandContext command = Context.getCommandContext();
      for (HistoricVariableUpdateEventEntity pending : command.getDbEntityManager()
          .getCachedEntitiesByType(HistoricVariableUpdateEventEntity.class)) {
        if (variableInstanceId.equals(pending.getVariableInstanceId())) {
          return true;
        }
      }
      // every detail counts, whoever acts: the question is about the history, not about the caller's view of it
      boolean authorizations = command.isAuthorizationCheckEnabled();
      boolean tenants = command.isTenantCheckEnabled();
      command.disableAuthorizationCheck();
      command.disableTenantCheck();
      try {
        return command.getHistoricDetailManager().findHistoricDetailCountByQueryCriteria(
            (HistoricDetailQueryImpl) new HistoricDetailQueryImpl().variableInstanceId(variableInstanceId)) > 0;
      } finally {
        // as the command had them: it may be running with the checks off on purpose
        if (tenants) {
          command.enableTenantCheck();
        }
        if (authorizations) {
          command.enableAuthorizationCheck();
        }
      }
    }

    /** The detail the variable's creation would have written, from its historic instance, which still has it. */
    private static void writeFirstValue(HistoricVariableUpdateEventEntity change) {
      CommandContext command = Context.getCommandContext();
      DbEntityManager db = command.getDbEntityManager();
      HistoricVariableInstanceEntity instance = db.selectById(HistoricVariableInstanceEntity.class,
          change.getVariableInstanceId());
      if (instance == null) {
        return; // its history was removed (history cleanup): nothing left to keep
      }
      HistoricVariableUpdateEventEntity first = new HistoricVariableUpdateEventEntity();
      first.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());
      first.setTimestamp(instance.getCreateTime());
      first.setSequenceCounter(Math.max(0, change.getSequenceCounter() - 1));
      first.setRevision(0);
      first.setVariableInstanceId(instance.getId());
      first.setVariableName(instance.getVariableName());
      first.setSerializerName(instance.getSerializerName());
      first.setTextValue(instance.getTextValue());
      first.setTextValue2(instance.getTextValue2());
      first.setLongValue(instance.getLongValue());
      first.setDoubleValue(instance.getDoubleValue());
      first.setProcessDefinitionId(instance.getProcessDefinitionId());
      first.setProcessDefinitionKey(instance.getProcessDefinitionKey());
      first.setProcessInstanceId(instance.getProcessInstanceId());
      first.setRootProcessInstanceId(instance.getRootProcessInstanceId());
      first.setExecutionId(instance.getExecutionId());
      first.setActivityInstanceId(instance.getActivityInstanceId());
      first.setScopeActivityInstanceId(instance.getActivityInstanceId());
      first.setTaskId(instance.getTaskId());
      first.setTenantId(instance.getTenantId());
      first.setRemovalTime(instance.getRemovalTime());
      byte[] bytes = instance.getByteArrayValue();
      if (bytes != null) {
        ByteArrayEntity copy = new ByteArrayEntity(instance.getVariableName(), bytes, ResourceTypes.HISTORY);
        copy.setRootProcessInstanceId(instance.getRootProcessInstanceId());
        copy.setRemovalTime(instance.getRemovalTime());
        command.getByteArrayManager().insertByteArray(copy);
        first.setByteArrayId(copy.getId());
      }
      db.insert(first);
    }
  }
}
