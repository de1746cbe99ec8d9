package dev.sevaswarm.playbook;

import dev.sevaswarm.cases.ThreadWords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Message;
import dev.sevaswarm.cases.Playbook.Process;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.people.FollowTheSun;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The Sev A swarm, path by path, as the people working a case would notice it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SevASwarmProcessTest extends ProcessTestSupport {

  @Autowired FollowTheSun followTheSun;

  private ProcessInstance openSevA() {
    ProcessInstance request = openCase("A", "RAPID_RESPONSE");
    ProcessInstance swarm = swarmOf(request);
    assertThat(swarm).isWaitingAt(Task.TAKE_OWNERSHIP);
    return swarm;
  }

  private static VariableMap ownership(String... areas) {
    return Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "We are on it. The network and storage teams are investigating.")
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue(toJson(areas)).create())
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30)));
  }

  private static String toJson(String... items) {
    return "[" + String.join(",", java.util.Arrays.stream(items).map(i -> "\"" + i + "\"").toList()) + "]";
  }

  private static VariableMap finding(String verdict, String text) {
    return Variables.createVariables().putValue(Var.FINDING, text).putValue(Var.VERDICT, verdict);
  }

  private org.camunda.bpm.engine.task.Task investigation(ProcessInstance swarm, String group) {
    return tasks.createTaskQuery().processInstanceId(swarm.getId()).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup(group).singleResult();
  }

  private List<String> candidateGroupsOf(List<org.camunda.bpm.engine.task.Task> open) {
    return open.stream()
        .flatMap(t -> tasks.getIdentityLinksForTask(t.getId()).stream())
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .sorted()
        .toList();
  }

  private List<String> threadKinds(ProcessInstance instance) {
    return threadOf(instance).stream().map(e -> e.kind().name()).toList();
  }

  @Test
  void happyPath_ownerSwarmsTwoAreasAndTheCustomerConfirmsTheFix() {
    ProcessInstance swarm = openSevA();
    ProcessInstance request = runtime.createProcessInstanceQuery().subProcessInstanceId(swarm.getId()).singleResult();
    // the team and the account team are told in the same step that offers the case: no job between
    assertThat(notifications(caseIdOf(swarm))).containsExactly("INTAKE_BROADCAST", "SALES_NOTICE");

    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network", "storage"));

    assertThat(swarm).hasVariables(Var.OWNER, Var.FIRST_RESPONSE_AT);
    assertThat(runtime.getVariable(swarm.getId(), Var.OWNER)).isEqualTo("eng-network");
    List<org.camunda.bpm.engine.task.Task> investigations = tasks(swarm, Task.INVESTIGATE_AREA);
    assertThat(candidateGroupsOf(investigations)).containsExactly("network", "storage");
    assertThat(tasks.getVariableLocal(investigation(swarm, "storage").getId(), Var.AREA)).isEqualTo("storage");

    work(investigation(swarm, "storage"), "eng-storage", finding("RULED_OUT", "SAN latency normal"));
    work(investigation(swarm, "network"), "eng-network",
        finding("ROOT_CAUSE", "Firewall rule pushed at 05:00 blocks the payment gateway"));

    org.camunda.bpm.engine.task.Task confirm = task(swarm, Task.CONFIRM_RESOLUTION);
    assertThat(confirm.getAssignee()).isEqualTo("eng-network");
    work(confirm, "eng-network", Variables.createVariables()
        .putValue(Var.ROOT_CAUSE, "Firewall rule blocked the payment gateway")
        .putValue(Var.RESOLUTION, "Rule rolled back at 05:40")
        .putValue(Var.CUSTOMER_CONFIRMED, true));
    work(task(swarm, Task.POST_INCIDENT_REVIEW), "eng-network", Variables.createVariables()
        .putValue(Var.SUMMARY, "A change outside the window took the stores down")
        .putValue(Var.ACTIONS, "Firewall changes only through the change board"));

    assertThat(swarm).isEnded().hasPassed("EndEvent_ResolutionConfirmed", "ServiceTask_SendClosureNotices",
        "EndEvent_CaseClosed");
    assertThat(request).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(notifications(caseIdOf(swarm))).containsExactly("INTAKE_BROADCAST", "SALES_NOTICE",
        "NEXT_ACTION", "FIRST_RESPONSE", "FINDING", "FINDING", "CLOSURE");
    assertThat(threadKinds(swarm)).containsSubsequence("CASE_OPENED", "SLA", "OWNERSHIP", "FIRST_RESPONSE",
        "FINDING", "FINDING", "RESOLUTION", "RESOLUTION", "REVIEW");
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.FINDING)
        .extracting(ThreadEntry::actor).containsExactly("eng-storage", "eng-network");
  }

  @Test
  void rootCauseFoundByTheFirstArea_endsTheOtherInvestigations() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-platform", ownership("platform", "storage", "network"));
    assertThat(tasks(swarm, Task.INVESTIGATE_AREA)).hasSize(3);

    work(investigation(swarm, "platform"), "eng-platform", finding("ROOT_CAUSE", "Host firmware bug"));

    assertThat(tasks(swarm, Task.INVESTIGATE_AREA)).isEmpty();
    assertThat(swarm).isWaitingAt(Task.CONFIRM_RESOLUTION, "Timer_NextContactDue");
    assertThat(runtime.getVariable(swarm.getId(), Var.ROOT_CAUSE)).isEqualTo("[platform] Host firmware bug");
  }

  @Test
  void allAreasRuledOut_ownerPicksMoreAreas() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));
    work(investigation(swarm, "network"), "eng-network", finding("RULED_OUT", "Network is clean"));

    org.camunda.bpm.engine.task.Task plan = task(swarm, Task.PLAN_NEXT_STEP);
    assertThat(plan.getAssignee()).isEqualTo("eng-network");
    work(plan, "eng-network", Variables.createVariables()
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue(toJson("storage", "application")).create())
        .putValue(Var.ESCALATE, false));

    assertThat(candidateGroupsOf(tasks(swarm, Task.INVESTIGATE_AREA))).containsExactly("application", "storage");
    assertThat(tasks(swarm, Task.HANDLE_ESCALATION)).isEmpty();
    work(investigation(swarm, "storage"), "eng-storage", finding("ROOT_CAUSE", "Full datastore"));
    assertThat(swarm).isWaitingAt(Task.CONFIRM_RESOLUTION);
  }

  @Test
  void customerNotSatisfied_goesBackToInvestigation() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-os", ownership("guest-os"));
    work(investigation(swarm, "guest-os"), "eng-os", finding("ROOT_CAUSE", "Kernel update broke the NIC driver"));
    work(task(swarm, Task.CONFIRM_RESOLUTION), "eng-os", Variables.createVariables()
        .putValue(Var.ROOT_CAUSE, "NIC driver").putValue(Var.RESOLUTION, "Driver rolled back")
        .putValue(Var.CUSTOMER_CONFIRMED, false));

    assertThat(swarm).isWaitingAt(Task.PLAN_NEXT_STEP);
    assertThat(runtime.getVariable(swarm.getId(), Var.ROOT_CAUSE_FOUND)).isEqualTo(true);
    work(task(swarm, Task.PLAN_NEXT_STEP), "eng-os", Variables.createVariables()
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue(toJson("application")).create()));
    assertThat(candidateGroupsOf(tasks(swarm, Task.INVESTIGATE_AREA))).containsExactly("application");
    assertThat(threadOf(swarm)).extracting(ThreadEntry::text).anyMatch(t -> t.startsWith("Customer says not fixed"));
  }

  @Test
  void firstResponseWarningThenBreach_caseGoesOn() {
    ProcessInstance swarm = openSevA();
    OffsetDateTime due = OffsetDateTime.parse((String) runtime.getVariable(swarm.getId(), Var.FIRST_RESPONSE_DUE));
    assertThat(due).isEqualTo(CaseClock.now().plusMinutes(15));

    fireTimer(swarm, "Timer_FirstResponseWarning");
    runJob(swarm, "ServiceTask_WarnDutyManager");
    assertThat(notifications(caseIdOf(swarm))).contains("SLA_WARNING");
    assertThat(runtime.getVariable(swarm.getId(), Var.SLA_BREACHED)).isNull();

    fireTimer(swarm, "Timer_FirstResponseDeadline");
    assertThat(runtime.getVariable(swarm.getId(), Var.SLA_BREACHED)).isEqualTo(true);
    assertThat(notifications(caseIdOf(swarm))).contains("SLA_BREACH");
    assertThat(swarm).isWaitingAt(Task.TAKE_OWNERSHIP);

    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-app", ownership("application"));
    OffsetDateTime respondedAt = OffsetDateTime.parse((String) runtime.getVariable(swarm.getId(), Var.FIRST_RESPONSE_AT));
    assertThat(respondedAt).isAfter(due);
    assertThat(threadOf(swarm)).extracting(ThreadEntry::text).anyMatch(t -> t.startsWith("First response breached"));
  }

  @Test
  void firstResponseInTime_deadlineRecordsNoBreach() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-app", ownership("application"));
    assertThat(management.createJobQuery().processInstanceId(swarm.getId()).activityId("Timer_FirstResponseDeadline")
        .count()).as("deadline timer is cancelled by the first response").isZero();
  }

  @Test
  void missedCustomerContact_escalatesAndTheUpdateStillGoesOut() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));

    fireTimer(swarm, "Timer_NextContactDue");
    org.camunda.bpm.engine.task.Task update = task(swarm, Task.UPDATE_CUSTOMER);
    assertThat(update.getAssignee()).isEqualTo("eng-network");

    fireTimer(swarm, "BoundaryEvent_CustomerUpdateMissed");
    runJob(swarm, "ServiceTask_NotifyEscalation");
    org.camunda.bpm.engine.task.Task escalation = task(swarm, Task.HANDLE_ESCALATION);
    assertThat(escalation).isNotNull();
    assertThat(runtime.getVariable(swarm.getId(), Var.ESCALATION_REASON))
        .isEqualTo("A promised customer update is overdue");

    work(update, "eng-network", Variables.createVariables()
        .putValue(Var.UPDATE_TEXT, "Firewall logs are being analysed")
        .putValue(Var.NEXT_CONTACT_AT, "2030-01-01T10:00"));
    assertThat(runtime.getVariable(swarm.getId(), Var.UPDATE_COUNT)).isEqualTo(1);
    assertThat(runtime.getVariable(swarm.getId(), Var.NEXT_CONTACT_AT)).isEqualTo("2030-01-01T10:00:00Z");
    assertThat(timer(swarm, "Timer_NextContactDue").getDuedate().toInstant())
        .as("the update task comes the table's lead time (10 min for Sev A) before the promise")
        .isEqualTo(OffsetDateTime.parse("2030-01-01T09:50:00Z").toInstant());
    assertThat(notifications(caseIdOf(swarm))).containsSubsequence("ESCALATION", "CUSTOMER_UPDATE");

    work(escalation, "duty-manager", Variables.createVariables().putValue(Var.DECISION, "Call the customer's CIO"));
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.DECISION)
        .extracting(ThreadEntry::actor).containsExactly("duty-manager");
  }

  @Test
  void noRootCauseWithinThreshold_escalatesToDutyManagers() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network", "storage"));
    fireTimer(swarm, "BoundaryEvent_RootCauseOverdue");
    runJob(swarm, "ServiceTask_NotifyEscalation");

    assertThat(tasks.createTaskQuery().processInstanceId(swarm.getId()).taskDefinitionKey(Task.HANDLE_ESCALATION)
        .taskCandidateGroup("duty-managers").count()).isEqualTo(1);
    assertThat(runtime.getVariable(swarm.getId(), Var.ESCALATION_REASON))
        .isEqualTo("No root cause within the escalation threshold");
    assertThat(tasks(swarm, Task.INVESTIGATE_AREA)).as("investigations go on").hasSize(2);
  }

  @Test
  void ownerAsksForEscalation_byMessageAndWhenPickingMoreAreas() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));
    runtime.createMessageCorrelation(Message.ESCALATION_REQUESTED).processInstanceId(swarm.getId()).correlate();
    runJob(swarm, "ServiceTask_NotifyEscalation");
    assertThat(tasks(swarm, Task.HANDLE_ESCALATION)).hasSize(1);

    work(investigation(swarm, "network"), "eng-network", finding("INCONCLUSIVE", "Packet loss, cause unclear"));
    work(task(swarm, Task.PLAN_NEXT_STEP), "eng-network", Variables.createVariables()
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue(toJson("network", "platform")).create())
        .putValue(Var.ESCALATE, true));
    runJob(swarm, "ServiceTask_NotifyEscalation");

    assertThat(tasks(swarm, Task.HANDLE_ESCALATION)).hasSize(2);
    assertThat(swarm).hasPassed("ThrowEvent_EscalateOnRequest", "ThrowEvent_EscalateRequested");
    assertThat(candidateGroupsOf(tasks(swarm, Task.INVESTIGATE_AREA))).containsExactly("network", "platform");
  }

  @Test
  void volunteeredArea_opensOneMoreInvestigationForThatGroup() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));

    runtime.createMessageCorrelation(Message.AREA_VOLUNTEERED).processInstanceId(swarm.getId())
        .setVariableLocal(Var.AREA, "application").setVariableLocal(Var.VOLUNTEERED_BY, "eng-app").correlate();
    runJob(swarm, "ServiceTask_AddInvestigation");

    assertThat(candidateGroupsOf(tasks(swarm, Task.INVESTIGATE_AREA))).containsExactly("application", "network");
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.VOLUNTEER)
        .extracting(ThreadEntry::actor, ThreadEntry::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("eng-app", "Volunteered to investigate application"));

    org.camunda.bpm.engine.task.Task joined = tasks.createTaskQuery().processInstanceId(swarm.getId())
        .taskDefinitionKey(Task.INVESTIGATE_AREA).taskAssignee("eng-app").singleResult();
    assertThat(joined).as("the volunteer of the area's group is on it at once").isNotNull();
    work(joined, "eng-app", finding("ROOT_CAUSE", "Connection pool exhausted"));
    assertThat(tasks(swarm, Task.INVESTIGATE_AREA)).isEmpty();
    assertThat(swarm).isWaitingAt(Task.CONFIRM_RESOLUTION);
  }

  @Test
  void volunteeringFromTasklistsStartForm_opensAnInvestigation_orSaysWhyNot() {
    ProcessInstance swarm = openSevA();
    VariableMap offer = Variables.createVariables().putValue(Var.CASE_ID, caseIdOf(swarm)).putValue(Var.AREA, "storage");
    identity.setAuthentication("eng-storage", List.of("storage", "sev-a-engineers"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.VOLUNTEER_FOR_AREA, offer))
        .as("nobody owns the case yet, so nothing is being investigated").hasMessageContaining("no investigation running");
    identity.clearAuthentication();

    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));
    identity.setAuthentication("eng-storage", List.of("storage", "sev-a-engineers"));
    runtime.startProcessInstanceByKey(Process.VOLUNTEER_FOR_AREA, offer);
    identity.clearAuthentication();
    runJob(swarm, "ServiceTask_AddInvestigation");

    assertThat(candidateGroupsOf(tasks(swarm, Task.INVESTIGATE_AREA))).containsExactly("network", "storage");
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.VOLUNTEER).extracting(ThreadEntry::actor)
        .containsExactly("eng-storage");
  }

  @Test
  void takingOwnershipWithoutAreas_isRefusedAndTheTaskStaysOpen() {
    ProcessInstance swarm = openSevA();
    org.camunda.bpm.engine.task.Task take = task(swarm, Task.TAKE_OWNERSHIP);
    assertThatThrownBy(() -> work(take, "eng-network", ownership()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining(Var.ISOLATION_AREAS);
    assertThat(task(swarm, Task.TAKE_OWNERSHIP)).isNotNull();
  }

  @Test
  void customerUnavailable_downgradesTheCaseToSevB() {
    ProcessInstance swarm = openSevA();
    ProcessInstance request = runtime.createProcessInstanceQuery().subProcessInstanceId(swarm.getId()).singleResult();
    runtime.createMessageCorrelation(Message.CUSTOMER_UNAVAILABLE).processInstanceBusinessKey(caseIdOf(swarm))
        .correlate();

    assertThat(swarm).isEnded().hasPassed("EndEvent_DowngradedToSevB");
    assertThat(request).isWaitingAt(Task.HANDLE_CASE);
    assertThat(runtime.getVariable(request.getId(), Var.SEVERITY)).isEqualTo("B");
    assertThat(threadKinds(swarm)).contains("DOWNGRADE");
    assertThat(notifications(caseIdOf(swarm))).contains("DOWNGRADED");
  }

  @Test
  void theOwnerHandsOverOnPurpose_andSomeoneOfTheRotationTakesOver_theCustomerIsTold() {
    ProcessInstance swarm = openSevA();
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership("network"));
    followTheSun.request(caseIdOf(swarm), ThreadWords.of("thread.handover.asked", "eng-network"));
    assertThat(swarm).isWaitingAt(Task.HAND_OVER);
    work(task(swarm, Task.HAND_OVER), "eng-network", Variables.createVariables()
        .putValue(Var.HANDOVER_BRIEF, "Firewall rule 4711 is the suspect; the vendor calls back at 07:00")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30))));
    // nobody keeps a profile here: nobody is invited, and the rotation sees the take-over
    assertThat(candidateGroupsOf(tasks(swarm, Task.TAKE_OVER))).containsExactly("sev-a-engineers");
    work(task(swarm, Task.TAKE_OVER), "eng-storage", Variables.createVariables());

    assertThat(runtime.getVariable(swarm.getId(), Var.OWNER)).isEqualTo("eng-storage");
    assertThat(threadOf(swarm)).extracting(e -> e.text())
        .contains("eng-network hands the case over: Firewall rule 4711 is the suspect; the vendor calls back at 07:00",
            "eng-storage owns the case now, taken over from eng-network");
    assertThat(notifications(caseIdOf(swarm))).contains("OWNER_CHANGED");
    assertThat(swarm).isNotWaitingAt(Task.HAND_OVER);
    // a team that keeps no profiles starts no invitation loop at all (for the area, or the take-over)
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Process.INVITE_EXPERT)
        .processInstanceBusinessKey(caseIdOf(swarm)).count()).isZero();
  }

  @AfterAll
  void coverage() {
    assertThat(flowNodeCoverage(getClass(), Process.SEV_A_SWARM)).isGreaterThanOrEqualTo(0.9);
  }
}
