package dev.sevaswarm.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * Process tests run the real playbook and the real delegates on an in-memory database with the
 * job executor off: each test decides which job runs when, and moves the engine clock itself.
 * All process test classes share this one application context.
 */
@SpringBootTest(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
    "swarm.mail.embedded=false",
    // who is on shift must not depend on the hour the suite runs: each test makes the profiles it needs
    "swarm.people.demo-profiles=false"
})
@ActiveProfiles("demo")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
abstract class ProcessTestSupport {

  /** Root process instances started by this test class; coverage is measured over them. */
  private static final Map<Class<?>, Set<String>> STARTED = new java.util.concurrent.ConcurrentHashMap<>();

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected HistoryService history;
  @Autowired protected RepositoryService repository;
  @Autowired protected IdentityService identity;
  @Autowired protected CaseThread thread;

  @BeforeEach
  void initAssertionsAndFreezeClock() {
    AbstractAssertions.init(engine);
    // time stands still unless a test moves it, so deadlines can be asserted to the second
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() / 1000 * 1000));
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  protected static VariableMap request(String severity, String plan) {
    return Variables.createVariables()
        .putValue(Var.CUSTOMER, "Contoso Retail")
        .putValue(Var.CONTACT_NAME, "Kenji Sato")
        .putValue(Var.CONTACT_EMAIL, "kenji.sato@contoso.example")
        .putValue(Var.SEVERITY, severity)
        .putValue(Var.PLAN, plan)
        .putValue(Var.TITLE, "Stores cannot open: POS terminals down")
        .putValue(Var.DESCRIPTION, "Every POS terminal fails to reach the payment service since 05:10 JST")
        .putValue(Var.BUSINESS_IMPACT, "Half a day lost costs 300 million yen")
        .putValue(Var.SERVICES, Variables.stringValue("[\"pos\",\"payments\"]"));
  }

  protected ProcessInstance openCase(String severity, String plan) {
    ProcessInstance instance = openCaseBeforeItsOwnerTask(severity, plan);
    // a Sev A case's broadcast commits first; its owner task is made in a step of its own right after
    runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
        .forEach(swarm -> runJob(swarm, Playbook.Task.TAKE_OWNERSHIP));
    return instance;
  }

  /** A case through its next step: a Sev A case broadcast, its owner task not made yet. */
  protected ProcessInstance openCaseBeforeItsOwnerTask(String severity, String plan) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(Playbook.Process.SUPPORT_REQUEST,
        request(severity, plan));
    STARTED.computeIfAbsent(getClass(), key -> new HashSet<>()).add(instance.getId());
    // the start answers once the case is recorded; the job executor takes it on from there
    runJob(instance, Playbook.Element.RECORD_CASE);
    return instance;
  }

  protected ProcessInstance swarmOf(ProcessInstance supportRequest) {
    ProcessInstance swarm = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(supportRequest.getId()).singleResult();
    assertThat(swarm).as("a running sev-a-swarm instance for the case").isNotNull();
    return swarm;
  }

  protected String caseIdOf(ProcessInstance instance) {
    return instance.getBusinessKey();
  }

  protected Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  protected List<Task> tasks(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  /** Claims (when unassigned) and completes a task as the given user, as Tasklist does. */
  protected void work(Task task, String user, VariableMap variables) {
    assertThat(task).as("task to work").isNotNull();
    // as the webapps do: the user with their groups, so authorizations apply as in Tasklist
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the job waiting at the given activity, as the job executor would. */
  protected void runJob(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .singleResult();
    assertThat(job).as("timer at " + activityId).isNotNull();
    return job;
  }

  /** Moves the engine clock to just after the timer's due date and fires it. */
  protected void fireTimer(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    Date due = job.getDuedate();
    if (due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    }
    management.executeJob(job.getId());
  }

  protected void moveClockTo(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  protected List<ThreadEntry> threadOf(ProcessInstance instance) {
    return thread.entries(caseIdOf(instance));
  }

  /**
   * Events published for the case, in order: one case-notification instance per step that published,
   * carrying that step's events.
   */
  protected List<String> notifications(String caseId) {
    List<String> events = new ArrayList<>();
    history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Playbook.Process.CASE_NOTIFICATION).processInstanceBusinessKey(caseId)
        .orderByProcessInstanceStartTime().asc().list().forEach(p ->
            Spin.JSON(variableOf(p.getId(), Var.NOTIFICATION).toString()).prop(Var.EVENTS).elements()
                .forEach(event -> events.add(event.prop(Var.EVENT).stringValue())));
    return events;
  }

  private Object variableOf(String processInstanceId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .singleResult().getValue();
  }

  /** Share of the model's flow nodes that the process instances of this test class passed through. */
  protected double flowNodeCoverage(Class<?> testClass, String processKey) {
    Set<String> instanceIds = new HashSet<>();
    List<String> frontier = new ArrayList<>(STARTED.getOrDefault(testClass, Set.of()));
    while (!frontier.isEmpty()) {
      String id = frontier.remove(frontier.size() - 1);
      if (instanceIds.add(id)) {
        history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list().stream()
            .map(HistoricProcessInstance::getId).forEach(frontier::add);
      }
    }
    Set<String> visited = instanceIds.stream()
        .flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
        .filter(a -> a.getProcessDefinitionKey().equals(processKey))
        .map(HistoricActivityInstance::getActivityId)
        .map(id -> id.replace("#multiInstanceBody", ""))
        .collect(Collectors.toSet());
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toSet());
    Set<String> missed = new HashSet<>(nodes);
    missed.removeAll(visited);
    System.out.printf("%s: flow-node coverage of %s %d/%d, not reached: %s%n", testClass.getSimpleName(),
        processKey, nodes.size() - missed.size(), nodes.size(), missed);
    return (double) (nodes.size() - missed.size()) / nodes.size();
  }
}
