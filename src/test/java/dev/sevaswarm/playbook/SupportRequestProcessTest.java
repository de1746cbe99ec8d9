package dev.sevaswarm.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Message;
import dev.sevaswarm.cases.Playbook.Process;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.chat.DoorActions;
import dev.sevaswarm.identity.Caller;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The entry of every case: intake, the SLA decision, Sev B/C handling, raising and downgrading. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportRequestProcessTest extends ProcessTestSupport {

  @Autowired CaseRepository cases;
  @Autowired DoorActions doors;

  private OffsetDateTime firstResponseDue(ProcessInstance instance) {
    return OffsetDateTime.parse((String) runtime.getVariable(instance.getId(), Var.FIRST_RESPONSE_DUE));
  }

  @Test
  void sevACase_isRecordedAndHandedToTheSwarm() {
    OffsetDateTime opened = CaseClock.now();
    ProcessInstance request = openCase("A", "PROFESSIONAL_DIRECT");

    assertThat(request.getBusinessKey()).matches("SW-\\d+");
    assertThat(request).isWaitingAt(Playbook.Element.SWARM_CALL);
    SupportCase recorded = cases.find(request.getBusinessKey()).orElseThrow();
    assertThat(recorded.customer()).isEqualTo("Contoso Retail");
    assertThat(recorded.services()).containsExactly("pos", "payments");
    assertThat(recorded.processInstanceId()).isEqualTo(request.getId());
    assertThat(firstResponseDue(request)).isBetween(opened.plusMinutes(60), CaseClock.now().plusMinutes(60));
    assertThat(recorded.firstResponseDue()).isEqualTo(firstResponseDue(request));
    assertThat(swarmOf(request).getBusinessKey()).isEqualTo(request.getBusinessKey());
    assertThat(runtime.getVariablesLocal(swarmOf(request).getId()))
        .as("the swarm gets the facts its forms and steps read")
        .containsKeys(Var.CASE_ID, Var.SEVERITY, Var.PLAN, Var.CUSTOMER, Var.TITLE, Var.DESCRIPTION,
            Var.BUSINESS_IMPACT, Var.CONTACT_NAME, Var.CONTACT_EMAIL, Var.FIRST_RESPONSE_DUE, Var.ESCALATION_DUE)
        .as("not the intake's own, which stay with the case and its record (each copy costs rows)")
        .doesNotContainKeys(Var.SERVICES, Var.RESPONSE_TIMES, Var.REQUESTED_BY);
  }

  @Test
  void theStartAnswersOnceTheCaseIsRecorded_andTheClockRunsFromThenEvenWhenTheRestRunsLate() {
    OffsetDateTime received = CaseClock.now();
    ProcessInstance request = runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST, request("A", "RAPID_RESPONSE"));

    assertThat(cases.find(request.getBusinessKey())).as("recorded in the starting transaction").isPresent();
    assertThat(request).isWaitingAt(Playbook.Element.RECORD_CASE);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(request.getId()).count()).isZero();

    // a busy job executor reaches the case two minutes later: the 15-minute promise still counts from intake
    moveClockTo(received.plusMinutes(2));
    runJob(request, Playbook.Element.RECORD_CASE);

    assertThat(firstResponseDue(request)).isEqualTo(received.plusMinutes(15));
    assertThat(cases.find(request.getBusinessKey()).orElseThrow().firstResponseDue()).isEqualTo(received.plusMinutes(15));
    assertThat(swarmOf(request).getBusinessKey()).isEqualTo(request.getBusinessKey());
  }

  @Test
  void aSevACasesBroadcastIsCommittedBeforeItsOwnerTaskIsMade() {
    ProcessInstance request = openCaseBeforeItsOwnerTask("A", "RAPID_RESPONSE");

    // the step that offers the case publishes the broadcast and ends there: the owner task, with its
    // suggestions and its deadlines, is a step of its own, so the team's card waits for neither
    ProcessInstance swarm = swarmOf(request);
    assertThat(notifications(request.getBusinessKey())).containsExactly("INTAKE_BROADCAST", "SALES_NOTICE");
    assertThat(task(swarm, Task.TAKE_OWNERSHIP)).isNull();
    assertThat(management.createJobQuery().processInstanceId(swarm.getId()).timers().count()).isZero();

    runJob(swarm, Task.TAKE_OWNERSHIP);
    assertThat(task(swarm, Task.TAKE_OWNERSHIP).getDueDate().toInstant()).isEqualTo(firstResponseDue(request).toInstant());
    assertThat(management.createJobQuery().processInstanceId(swarm.getId()).timers().count())
        .as("first response nearly due, and due").isEqualTo(2);
    assertThat(notifications(request.getBusinessKey())).containsExactly("INTAKE_BROADCAST", "SALES_NOTICE");
  }

  @Test
  void takingOwnershipFromChatBeforeTheOwnerTaskIsMade_asksToTryAgain_andTakesItOnceItIs() {
    ProcessInstance request = openCaseBeforeItsOwnerTask("A", "RAPID_RESPONSE");
    // known as the chat tools know their members: by e-mail address
    Caller engineer = Caller.withEmail(identity, identity.createUserQuery().userId("eng-app").singleResult().getEmail())
        .orElseThrow();

    // the card's button pressed between the broadcast's commit and the owner task's
    DoorActions.Outcome early = doors.takeOwnership(request.getBusinessKey(), engineer, "Teams");
    assertThat(early.done()).isFalse();
    assertThat(early.answer()).isEqualTo(request.getBusinessKey()
        + " is still being set up: its owner task comes in a moment. Try again shortly.");

    ProcessInstance swarm = swarmOf(request);
    runJob(swarm, Task.TAKE_OWNERSHIP);
    assertThat(doors.takeOwnership(request.getBusinessKey(), engineer, "Teams").done()).isTrue();
    assertThat(task(swarm, Task.TAKE_OWNERSHIP).getAssignee()).isEqualTo("eng-app");
  }

  @Test
  void sevACase_isClosedWhenTheSwarmEnds() {
    ProcessInstance request = openCase("A", "UNIFIED");
    ProcessInstance swarm = swarmOf(request);
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-app", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "On it").putValue(Var.ISOLATION_AREAS, "application")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    work(task(swarm, Task.INVESTIGATE_AREA), "eng-app", Variables.createVariables()
        .putValue(Var.FINDING, "Memory leak").putValue(Var.VERDICT, "ROOT_CAUSE"));
    work(task(swarm, Task.CONFIRM_RESOLUTION), "eng-app", Variables.createVariables()
        .putValue(Var.ROOT_CAUSE, "Memory leak").putValue(Var.RESOLUTION, "Patched")
        .putValue(Var.CUSTOMER_CONFIRMED, true));
    work(task(swarm, Task.POST_INCIDENT_REVIEW), "eng-app", Variables.createVariables()
        .putValue(Var.SUMMARY, "Leak in 2.3").putValue(Var.ACTIONS, "Soak test before release"));

    assertThat(request).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("EndEvent_CaseResolved");
  }

  @Test
  void sevBCase_isHandledByOneEngineer() {
    ProcessInstance request = openCase("b", "STANDARD");
    assertThat(runtime.getVariable(request.getId(), Var.SEVERITY)).as("normalised").isEqualTo("B");
    assertThat(firstResponseDue(request)).isEqualTo(CaseClock.now().plusMinutes(240));
    assertThat(request).isWaitingAt(Task.HANDLE_CASE).task().hasCandidateGroup("sev-a-engineers");

    tasks.claim(task(request, Task.HANDLE_CASE).getId(), "eng-storage");
    assertThat(runtime.getVariable(request.getId(), Var.OWNER)).isEqualTo("eng-storage");
    assertThat(runtime.getVariable(request.getId(), Var.FIRST_RESPONSE_AT)).isNotNull();

    fireTimer(request, "Timer_BcFirstResponseDue");
    assertThat(runtime.getVariable(request.getId(), Var.SLA_BREACHED)).as("claimed in time").isNull();

    work(task(request, Task.HANDLE_CASE), "eng-storage",
        Variables.createVariables().putValue(Var.RESOLUTION, "Quota raised").putValue(Var.RAISE_TO_SEV_A, false));
    assertThat(request).isEnded().hasPassed("ServiceTask_SendResolution", "EndEvent_CaseResolved");
    assertThat(notifications(request.getBusinessKey())).containsExactly("CLOSURE");
  }

  @Test
  void sevCCaseNobodyTakes_breachesItsFirstResponse() {
    ProcessInstance request = openCase("C", "DEVELOPER");
    assertThat(firstResponseDue(request)).isEqualTo(CaseClock.now().plusMinutes(480));
    fireTimer(request, "Timer_BcFirstResponseDue");

    assertThat(runtime.getVariable(request.getId(), Var.SLA_BREACHED)).isEqualTo(true);
    assertThat(request).isWaitingAt(Task.HANDLE_CASE).hasPassed("EndEvent_BcSlaChecked");
    assertThat(notifications(request.getBusinessKey())).containsExactly("SLA_BREACH");
  }

  @Test
  void sevBRaisedToSevAFromTheForm_startsTheSwarmWithANewClock() {
    ProcessInstance request = openCase("B", "RAPID_RESPONSE");
    work(task(request, Task.HANDLE_CASE), "eng-app", Variables.createVariables().putValue(Var.RAISE_TO_SEV_A, true));

    assertThat(runtime.getVariable(request.getId(), Var.SEVERITY)).isEqualTo("A");
    assertThat(firstResponseDue(request)).isEqualTo(CaseClock.now().plusMinutes(15));
    assertThat(cases.find(request.getBusinessKey()).orElseThrow().severity()).isEqualTo(Severity.A);
    ProcessInstance swarm = swarmOf(request);
    assertThat(swarm).isWaitingAt(Task.TAKE_OWNERSHIP);
    assertThat(runtime.getVariable(swarm.getId(), Var.FIRST_RESPONSE_AT)).as("the Sev A clock starts afresh").isNull();
    assertThat(runtime.getVariable(swarm.getId(), Var.RAISED)).as("the account team hears it was raised").isEqualTo(true);
    assertThat(runtime.getVariable(swarm.getId(), Var.OWNER)).as("the engineer who raised it").isEqualTo("eng-app");
    assertThat(notifications(request.getBusinessKey()))
        .as("the swarm starts with its broadcast, as a case that came in as Sev A does")
        .containsExactly("RAISED_TO_SEV_A", "INTAKE_BROADCAST", "SALES_NOTICE");
  }

  @Test
  void sevCRaisedToSevAByMessage() {
    ProcessInstance request = openCase("C", "UNIFIED");
    runtime.createMessageCorrelation(Message.RAISE_TO_SEV_A).processInstanceBusinessKey(request.getBusinessKey())
        .correlate();
    assertThat(request).hasPassed("BoundaryEvent_RaiseRequested", "ServiceTask_RaiseToSevA");
    assertThat(firstResponseDue(request)).isEqualTo(CaseClock.now().plusMinutes(60));
    assertThat(swarmOf(request)).isWaitingAt(Task.TAKE_OWNERSHIP);
  }

  @Test
  void raiseRefused_whenThePlanHasNoSevASupport() {
    ProcessInstance request = openCase("C", "DEVELOPER");
    work(task(request, Task.HANDLE_CASE), "eng-os", Variables.createVariables().putValue(Var.RAISE_TO_SEV_A, true));

    assertThat(request).hasPassed("BoundaryEvent_RaiseRefused").isWaitingAt(Task.HANDLE_CASE);
    assertThat(runtime.getVariable(request.getId(), Var.SEVERITY)).isEqualTo("C");
    assertThat(threadOf(request)).extracting(ThreadEntry::text)
        .contains("Raise to Sev A refused: the DEVELOPER plan has no Sev A support");
  }

  @Test
  void sevADowngradedToB_continuesWithOneEngineerUntilResolved() {
    ProcessInstance request = openCase("A", "STANDARD");
    work(task(swarmOf(request), Task.TAKE_OWNERSHIP), "eng-network", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "On it").putValue(Var.ISOLATION_AREAS, "network")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusHours(1))));
    runtime.createMessageCorrelation(Message.CUSTOMER_UNAVAILABLE).processInstanceBusinessKey(request.getBusinessKey())
        .correlate();

    assertThat(request).hasPassed("Gateway_Downgraded").isWaitingAt(Task.HANDLE_CASE);
    assertThat(task(request, Task.HANDLE_CASE).getAssignee()).as("stays with its owner").isEqualTo("eng-network");
    assertThat(cases.find(request.getBusinessKey()).orElseThrow().severity()).isEqualTo(Severity.B);
    work(task(request, Task.HANDLE_CASE), "eng-network", Variables.createVariables().putValue(Var.RESOLUTION, "Fixed"));
    assertThat(request).isEnded();
  }

  @Test
  void basicPlan_isDeclinedAndTheCustomerIsTold() {
    ProcessInstance request = openCase("A", "BASIC");
    assertThat(request).isEnded().hasPassed("ServiceTask_DeclineRequest", "EndEvent_RequestDeclined");
    assertThat(notifications(request.getBusinessKey())).containsExactly("DECLINED");
  }

  @Test
  void invalidRequest_failsTheStartAndLeavesNothingBehind() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(Process.SUPPORT_REQUEST).count();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
        request("Z", "GOLD").putValue(Var.CONTACT_EMAIL, "not-an-address").putValue(Var.TITLE, " ")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("severity").hasMessageContaining("plan").hasMessageContaining("contactEmail")
        .hasMessageContaining("title");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Process.SUPPORT_REQUEST).count())
        .isEqualTo(before);
  }

  @Test
  void theStartFormAppliesTheApisRules_forAddressesTimesAndControlCharacters() {
    for (String address : new String[] {"kenji@localhost", "\"kenji sato\"@contoso.example"}) {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
          request("A", "RAPID_RESPONSE").putValue(Var.CONTACT_EMAIL, address)))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("contactEmail");
    }
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
        request("A", "RAPID_RESPONSE").putValue(Var.RECOVER_BY, "2026-11-29T06:00:00+16:00")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("recoverBy");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
        request("A", "RAPID_RESPONSE").putValue(Var.TITLE, "POS\u0000down")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("title");
  }


  @Test
  void theStartFormTakesTheCustomersLanguageAndZone_andRefusesUnknownOnes() {
    ProcessInstance started = runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
        request("B", "RAPID_RESPONSE").putValue(Var.LOCALE, "ja").putValue(Var.TIME_ZONE, "Asia/Tokyo"));
    runJob(started, dev.sevaswarm.cases.Playbook.Element.RECORD_CASE);
    dev.sevaswarm.cases.CustomerLocale to = cases.customerLocale(started.getBusinessKey(),
        java.util.Locale.ENGLISH, java.time.ZoneId.of("UTC"));
    assertThat(to.locale().getLanguage()).isEqualTo("ja");
    assertThat(to.zone().getId()).isEqualTo("Asia/Tokyo");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(Process.SUPPORT_REQUEST,
        request("B", "RAPID_RESPONSE").putValue(Var.LOCALE, "fr").putValue(Var.TIME_ZONE, "Mars/Olympus")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("locale").hasMessageContaining("timeZone");
  }

  @AfterAll
  void coverage() {
    assertThat(flowNodeCoverage(getClass(), Process.SUPPORT_REQUEST)).isGreaterThanOrEqualTo(0.9);
  }
}
