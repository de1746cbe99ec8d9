package dev.sevaswarm.cases;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.ExclusiveJobAddedNotification;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Runs the first job of a process instance that a job started on the job executor's thread that
 * started it, right after the starting job's commit, instead of through the next job acquisition.
 * A case's next step starts the delivery of its broadcast this way (a process instance of its own,
 * with one job): the Teams card no longer waits for the acquisition's wake-up, query, lock and
 * commit (10–30 ms on PostgreSQL, more for the first case after a start; docs/BENCHMARKS.md).
 *
 * <p>It is what Camunda does for an exclusive job of the instance the running job belongs to, with
 * the same guarantees: the job is locked for this node in the transaction that creates it, so no
 * acquisition (of this node or another) takes it; if this node dies before running it, the lock
 * runs out and any node acquires it; a job that fails is retried as any other. Only a new
 * instance's jobs qualify: nobody else can see the instance before the commit, so no other job of
 * it can run at the same time, and several of its jobs run one after the other on this thread.
 * Jobs created outside the job executor (a web request, a test) are left to the acquisition.
 */
@Component
public class NextJobOnThisThread extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return JobManager.class; // replaces the engine's own job manager
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's job manager, with a new instance's due jobs kept on the running job's thread. */
  static class Manager extends JobManager {

    @Override
    protected void hintJobExecutor(JobEntity job) {
      JobExecutorContext running = Context.getJobExecutorContext();
      JobExecutor executor = Context.getProcessEngineConfiguration().getJobExecutor();
      if (running == null || !executor.isActive() || job.isSuspended() || !isJobDue(job)
          || !isJobPriorityInJobExecutorPriorityRange(job.getPriority()) || !ofNewInstance(job)) {
        super.hintJobExecutor(job);
        return;
      }
      job.setLockOwner(executor.getLockOwner());
      job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + executor.getLockTimeInMillis()));
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, new ExclusiveJobAddedNotification(job.getId(), running));
    }

    /** Whether the job's process instance is created by this command (not yet written). */
    private static boolean ofNewInstance(JobEntity job) {
      if (job.getProcessInstanceId() == null) {
        return false;
      }
      CachedDbEntity instance = Context.getCommandContext().getDbEntityManager().getDbEntityCache()
          .getCachedEntity(ExecutionEntity.class, job.getProcessInstanceId());
      return instance != null && instance.getEntityState() == DbEntityState.TRANSIENT;
    }
  }
}
