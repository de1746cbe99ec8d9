package dev.sevaswarm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
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
 * A job that starts a process instance runs that instance's first job itself, right after its own
 * commit: here with a job executor that has threads but no acquisition at all, so a job runs only if
 * something hands it over.
 */
class NextJobOnThisThreadTest {

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

  /** Threads to run jobs on, and nobody who acquires them. */
  static class NoAcquisition extends ThreadPoolJobExecutor {
    NoAcquisition() {
      setThreadPoolExecutor(new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4)));
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
  private NoAcquisition executor;

  @BeforeEach
  void engine() {
    RAN_ON.clear();
    executor = new NoAcquisition();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:next-job-" + UUID.randomUUID())
        .setJobExecutorActivate(true);
    configuration.setJobExecutor(executor);
    configuration.setProcessEnginePlugins(List.of(new NextJobOnThisThread()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("step.bpmn", asyncStep("step", StartsDelivery.class))
        .addModelInstance("delivery.bpmn", asyncStep("delivery", Delivers.class))
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
  void theDeliveryAStepStartsRunsOnTheStepsThreadWithoutAnAcquisition() {
    engine.getRuntimeService().startProcessInstanceByKey("step");

    executor.executeJobs(List.of(jobOf("step").getId()), (ProcessEngineImpl) engine);

    await().atMost(Duration.ofSeconds(10)).until(() -> RAN_ON.containsKey("delivery"));
    assertThat(RAN_ON.get("delivery")).isEqualTo(RAN_ON.get("step"));
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.getManagementService().createJobQuery().count() == 0);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("delivery")
        .completed().count()).isEqualTo(1);
  }

  @Test
  void aJobCreatedOutsideTheJobExecutorIsLeftToTheAcquisition() {
    engine.getRuntimeService().startProcessInstanceByKey("delivery");

    JobEntity job = (JobEntity) jobOf("delivery");
    assertThat(job.getLockOwner()).isNull();
  }
}
