package dev.sevaswarm.cases;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.ExclusiveJobAddedNotification;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the first job of a new process instance at once, instead of through the next job
 * acquisition (its wake-up, query, lock and commit: 10–30 ms on PostgreSQL, more for the first case
 * after a start; docs/BENCHMARKS.md). Started by a job (a case's next step starting the delivery of
 * its broadcast, then the swarm whose first job makes the owner task), the new jobs run on the job
 * executor thread that started them, right after that job's commit, in the order they were made.
 * Started elsewhere (the intake's web request starting a case) while a job executor
 * thread is free, it is handed to the job executor's threads at the commit; when none is free, the
 * acquisition takes it as before, so a burst is still shared out by the acquisition.
 *
 * <p>It is what Camunda does for an exclusive job of the instance the running job belongs to, with
 * the same guarantees: the job is locked for this node in the transaction that creates it, so no
 * acquisition (of this node or another) takes it; if this node dies before running it, the lock
 * runs out and any node acquires it; a job that fails is retried as any other. Only a new
 * instance's jobs qualify: nobody else can see the instance before the commit, so no other job of
 * it can run at the same time, and several of its jobs run one after the other on one thread.
 *
 * <p>A job that has little left to do but wait for a peer (a delivery whose chat posts are out and
 * whose mails are still on their way) lets the jobs queued behind it go to a free thread
 * ({@link #letWaitingJobsGo()}), so that a slow mail server does not hold back the new swarm's owner
 * task.
 */
@Component
public class NewInstanceJobsAtOnce extends AbstractProcessEnginePlugin {

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

  /**
   * Hands the jobs queued behind the running one on this job executor thread to a free job executor
   * thread, for a job that now only waits for a peer. They run there in the order they were queued.
   * Nothing moves off the job executor's threads, when no thread is free, or when one of the queued
   * jobs belongs to the running job's own process instance: Camunda queues those there so that they
   * run one after the other, never side by side.
   */
  public static void letWaitingJobsGo() {
    JobExecutorContext running = Context.getJobExecutorContext();
    if (running == null || running.getCurrentJob() == null || running.getCurrentProcessorJobQueue().isEmpty()) {
      return;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    JobExecutor executor = configuration.getJobExecutor();
    ThreadPoolExecutor threads = Manager.threadsOf(executor);
    List<String> waiting = running.getCurrentProcessorJobQueue();
    if (!executor.isActive() || !Manager.hasFreeThread(threads)
        || anyOfInstance(waiting, running.getCurrentJob().getProcessInstanceId())) {
      return;
    }
    List<String> going = new ArrayList<>(waiting);
    waiting.clear();
    if (!Manager.handedOver(going, configuration)) {
      waiting.addAll(0, going);
    }
  }

  private static boolean anyOfInstance(List<String> jobIds, String processInstanceId) {
    JobManager jobs = Context.getCommandContext().getJobManager();
    return jobIds.stream().map(jobs::findJobById)
        .anyMatch(job -> job != null && Objects.equals(job.getProcessInstanceId(), processInstanceId));
  }

  /** Camunda's job manager, with a new instance's due jobs run at once. */
  static class Manager extends JobManager {

    @Override
    protected void hintJobExecutor(JobEntity job) {
      JobExecutorContext running = Context.getJobExecutorContext();
      JobExecutor executor = Context.getProcessEngineConfiguration().getJobExecutor();
      if (!executor.isActive() || job.isSuspended() || !isJobDue(job)
          || !isJobPriorityInJobExecutorPriorityRange(job.getPriority()) || !ofNewInstance(job)
          || running == null && !hasFreeThread(threadsOf(executor))) {
        super.hintJobExecutor(job);
        return;
      }
      job.setLockOwner(executor.getLockOwner());
      job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + executor.getLockTimeInMillis()));
      TransactionListener handOver = running != null ? new ExclusiveJobAddedNotification(job.getId(), running)
          : new HandOver(job.getId(), Context.getProcessEngineConfiguration());
      Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, handOver);
    }

    /** The job executor's threads, where they can be seen: Camunda's own pool or Spring's. */
    private static ThreadPoolExecutor threadsOf(JobExecutor executor) {
      if (executor instanceof ThreadPoolJobExecutor pool) {
        return pool.getThreadPoolExecutor();
      }
      if (executor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
        return pool.getThreadPoolExecutor();
      }
      return null;
    }

    /** Runs the jobs on the job executor's threads, one after the other; false if the threads refused them. */
    private static boolean handedOver(List<String> jobIds, ProcessEngineConfigurationImpl configuration) {
      JobExecutor executor = configuration.getJobExecutor();
      try {
        threadsOf(executor).execute(executor.getExecuteJobsRunnable(jobIds, configuration.getProcessEngine()));
        return true;
      } catch (RejectedExecutionException full) {
        return false;
      }
    }

    private static boolean hasFreeThread(ThreadPoolExecutor threads) {
      return threads != null && threads.getQueue().isEmpty() && threads.getActiveCount() < threads.getMaximumPoolSize();
    }

    /**
     * Hands a committed job to the job executor's threads; if they have filled up since, unlocks it
     * (in a transaction of its own: the job's is over) and leaves it to the acquisition.
     */
    private record HandOver(String jobId, ProcessEngineConfigurationImpl configuration) implements TransactionListener {

      @Override
      public void execute(CommandContext committed) {
        if (!handedOver(List.of(jobId), configuration)) {
          configuration.getCommandExecutorTxRequiresNew().execute(new UnlockJobCmd(jobId));
          configuration.getJobExecutor().jobWasAdded();
        }
      }
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
