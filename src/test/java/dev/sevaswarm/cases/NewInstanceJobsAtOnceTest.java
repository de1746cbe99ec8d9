package dev.sevaswarm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new process instance's first job runs at once: on the thread of the job that started the
 * instance, or handed to a free job executor thread by whoever else started it; left to the
 * acquisition when no thread is free. Here with a job executor that has threads but no acquisition
 * at all, so a job runs only if something hands it over.
 */
class NewInstanceJobsAtOnceTest {

  /** Which thread ran which step, by step. */
  static final Map<String, String> RAN_ON = new ConcurrentHashMap<>();

  public static class StartsDelivery implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RAN_ON.put("step", Thread.currentThread().getName());
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("delivery");
    }
  }

  public static class Delivers implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RAN_ON.put("delivery", Thread.currentThread().getName());
    }
  }

  /** Starts two instances at once: one whose job waits for a peer, and one like a swarm's owner task. */
  public static class StartsDeliveryAndSwarm implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RAN_ON.put("step", Thread.currentThread().getName());
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("waiting-delivery");
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("owner-task");
    }
  }

  /** Lets the jobs behind it go, then waits as for a slow mail server: until the owner task is made, or a while. */
  public static class WaitsForItsMails implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws InterruptedException {
      RAN_ON.put("delivery", Thread.currentThread().getName());
      NewInstanceJobsAtOnce.letWaitingJobsGo();
      if (OWNER_TASK_MADE.await(MAILS_TAKE.toMillis(), TimeUnit.MILLISECONDS)) {
        RAN_ON.put("owner task made while the delivery waited", "yes");
      }
    }
  }

  public static class MakesOwnerTask implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RAN_ON.put("owner task", Thread.currentThread().getName());
      OWNER_TASK_MADE.countDown();
    }
  }

  /** One of two branches of one instance: records when it ran, and lets the jobs behind it go. */
  public static class Branch implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws InterruptedException {
      String branch = execution.getCurrentActivityId();
      RAN_ON.put(branch, Thread.currentThread().getName());
      RAN_ON.put(branch + " started", String.valueOf(System.nanoTime()));
      NewInstanceJobsAtOnce.letWaitingJobsGo();
      Thread.sleep(200); // stands for a slow peer; what matters is whether the other branch runs meanwhile
      RAN_ON.put(branch + " ended", String.valueOf(System.nanoTime()));
    }
  }

  public static class StartsTwoBranches implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("two-branches");
    }
  }

  static CountDownLatch OWNER_TASK_MADE = new CountDownLatch(1);

  /** How long the waiting delivery's mails take at most. */
  static final Duration MAILS_TAKE = Duration.ofSeconds(2);

  /** Threads to run jobs on, and nobody who acquires them. */
  static class NoAcquisition extends ThreadPoolJobExecutor {
    NoAcquisition(ThreadPoolExecutor threads) {
      setThreadPoolExecutor(threads);
    }

    @Override
    protected void startExecutingJobs() {
      // no acquisition thread
    }

    @Override
    protected void stopExecutingJobs() {
      getThreadPoolExecutor().shutdownNow();
    }
  }

  private ProcessEngine engine;

  /** Two threads, free until a test takes them. */
  private final ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));

  @BeforeEach
  void engine() {
    RAN_ON.clear();
    OWNER_TASK_MADE = new CountDownLatch(1);
    start(threads);
  }

  private void start(ThreadPoolExecutor jobThreads) {
    if (engine != null) {
      engine.close();
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:new-instance-jobs-" + UUID.randomUUID())
        .setJobExecutorActivate(true);
    configuration.setJobExecutor(new NoAcquisition(jobThreads));
    configuration.setProcessEnginePlugins(List.of(new NewInstanceJobsAtOnce()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("step.bpmn", asyncStep("step", StartsDelivery.class))
        .addModelInstance("delivery.bpmn", asyncStep("delivery", Delivers.class))
        .addModelInstance("intake-step.bpmn", asyncStep("intake-step", StartsDeliveryAndSwarm.class))
        .addModelInstance("waiting-delivery.bpmn", asyncStep("waiting-delivery", WaitsForItsMails.class))
        .addModelInstance("owner-task.bpmn", asyncStep("owner-task", MakesOwnerTask.class))
        .addModelInstance("branches-step.bpmn", asyncStep("branches-step", StartsTwoBranches.class))
        .addModelInstance("two-branches.bpmn", Bpmn.createExecutableProcess("two-branches").camundaHistoryTimeToLive(1)
            .startEvent().parallelGateway("fork")
            .serviceTask("left").camundaAsyncBefore().camundaClass(Branch.class.getName()).endEvent()
            .moveToNode("fork")
            .serviceTask("right").camundaAsyncBefore().camundaClass(Branch.class.getName()).endEvent()
            .done())
        .deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private static BpmnModelInstance asyncStep(String key, Class<? extends JavaDelegate> delegate) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask().camundaAsyncBefore().camundaClass(delegate.getName()).endEvent().done();
  }

  private Job jobOf(String processKey) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(processKey).singleResult();
  }

  @Test
  void aStepStartedByARequestRunsAtOnceAndTheDeliveryItStartsRightAfterItOnItsThread() {
    engine.getRuntimeService().startProcessInstanceByKey("step");

    await().atMost(Duration.ofSeconds(10)).until(() -> RAN_ON.containsKey("delivery"));
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.getManagementService().createJobQuery().count() == 0);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count()).isEqualTo(2);
    assertThat(RAN_ON.get("step")).isNotEqualTo(Thread.currentThread().getName());
    assertThat(RAN_ON.get("delivery")).isEqualTo(RAN_ON.get("step"));
  }

  @Test
  void whenNoJobThreadIsFreeTheJobIsLeftToTheAcquisitionUnlocked() {
    CountDownLatch busy = new CountDownLatch(1);
    threads.execute(() -> awaitQuietly(busy));
    threads.execute(() -> awaitQuietly(busy));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> threads.getActiveCount() == 2);

      engine.getRuntimeService().startProcessInstanceByKey("delivery");

      assertThat(((JobEntity) jobOf("delivery")).getLockOwner()).isNull();
      assertThat(RAN_ON).isEmpty();
    } finally {
      busy.countDown();
    }
  }

  @Test
  void aJobTheThreadsRefuseAtTheCommitIsUnlockedForTheAcquisition() {
    ThreadPoolExecutor refusing = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4)) {
      @Override
      public void execute(Runnable command) {
        throw new RejectedExecutionException("filled up between the check and the commit");
      }
    };
    start(refusing);

    engine.getRuntimeService().startProcessInstanceByKey("delivery");

    assertThat(((JobEntity) jobOf("delivery")).getLockOwner()).isNull();
    assertThat(RAN_ON).isEmpty();
  }

  @Test
  void aJobThatOnlyWaitsForItsMails_letsTheOwnerTaskQueuedBehindItBeMadeOnAFreeThreadMeanwhile() {
    engine.getRuntimeService().startProcessInstanceByKey("intake-step");

    await().atMost(Duration.ofSeconds(10)).until(() -> engine.getManagementService().createJobQuery().count() == 0);
    assertThat(RAN_ON.get("delivery")).as("the delivery ran right after the step, on its thread").isEqualTo(RAN_ON.get("step"));
    assertThat(RAN_ON.get("owner task")).isNotNull().isNotEqualTo(RAN_ON.get("delivery"));
    assertThat(RAN_ON).containsEntry("owner task made while the delivery waited", "yes");
  }

  @Test
  void withNoOtherThreadFree_theOwnerTaskWaitsForTheDeliveryOnItsThread() {
    start(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4)));

    engine.getRuntimeService().startProcessInstanceByKey("intake-step");

    await().atMost(Duration.ofSeconds(10)).until(() -> engine.getManagementService().createJobQuery().count() == 0);
    assertThat(RAN_ON.get("owner task")).isEqualTo(RAN_ON.get("delivery"));
    assertThat(RAN_ON).doesNotContainKey("owner task made while the delivery waited");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count()).isEqualTo(3);
  }

  @Test
  void jobsOfTheRunningJobsOwnInstance_stayQueuedBehindIt_andRunOneAfterTheOther() {
    engine.getRuntimeService().startProcessInstanceByKey("branches-step");

    await().atMost(Duration.ofSeconds(10)).until(() -> engine.getManagementService().createJobQuery().count() == 0);
    assertThat(RAN_ON.get("left")).isNotNull().isEqualTo(RAN_ON.get("right"));
    long leftStarted = Long.parseLong(RAN_ON.get("left started"));
    long rightStarted = Long.parseLong(RAN_ON.get("right started"));
    String first = leftStarted < rightStarted ? "left" : "right";
    String second = first.equals("left") ? "right" : "left";
    assertThat(Long.parseLong(RAN_ON.get(second + " started")))
        .as("never side by side").isGreaterThan(Long.parseLong(RAN_ON.get(first + " ended")));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
