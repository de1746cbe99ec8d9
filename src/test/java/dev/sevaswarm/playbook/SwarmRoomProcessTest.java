package dev.sevaswarm.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.room.Investigations.Status;
import dev.sevaswarm.room.Investigations;
import dev.sevaswarm.room.NextActions;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The swarm room in the playbook: the owner always has a next action, and the team is asked to
 * help when it is overdue; the customer-update task comes before the promised time; investigations
 * a root cause ended are on the record and their engineers told.
 */
class SwarmRoomProcessTest extends ProcessTestSupport {

  @Autowired NextActions nextActions;
  @Autowired Investigations investigations;

  private ProcessInstance owned(String... areas) {
    ProcessInstance swarm = swarmOf(openCase("A", "RAPID_RESPONSE"));
    VariableMap ownership = Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "We are on it")
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"" + String.join("\",\"", areas) + "\"]").create())
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(60)));
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", ownership);
    return swarm;
  }

  private long threadLines(ProcessInstance swarm, ThreadKind kind, String start) {
    return threadOf(swarm).stream().filter(e -> e.kind() == kind && e.text().startsWith(start)).count();
  }

  @Test
  void takingOwnership_setsANextAction_andTheWatchAsksTheTeamOnceWhenItIsOverdue() {
    OffsetDateTime taken = CaseClock.now();
    ProcessInstance swarm = owned("network");
    String caseId = caseIdOf(swarm);

    NextActions.NextAction action = nextActions.of(caseId).orElseThrow();
    assertThat(action.text()).isEqualTo("Investigate network");
    assertThat(action.due()).isEqualTo(taken.plusMinutes(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(action.by()).isEqualTo("eng-network");
    assertThat(threadLines(swarm, ThreadKind.NEXT_ACTION, "Next action: Investigate network")).isEqualTo(1);
    // Sev A under Rapid Response: help is asked 10 minutes after the action is due (response-times.dmn)
    assertThat(timer(swarm, Playbook.Element.NEXT_ACTION_WATCH).getDuedate().toInstant())
        .isEqualTo(action.due().plusMinutes(10).toInstant());

    // the owner moves it: the watch moves with it
    OffsetDateTime later = CaseClock.now().plusMinutes(90);
    nextActions.set(caseId, "Call the firewall vendor", later, "eng-network", Optional.of(swarm.getId()));
    assertThat(timer(swarm, Playbook.Element.NEXT_ACTION_WATCH).getDuedate().toInstant())
        .isEqualTo(later.plusMinutes(10).toInstant());
    assertThat(notifications(caseId)).containsSubsequence("NEXT_ACTION", "NEXT_ACTION");

    fireTimer(swarm, Playbook.Element.NEXT_ACTION_WATCH);
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.NEXT_ACTION).last()
        .extracting(ThreadEntry::text).asString()
        .isEqualTo(caseId + ": no next action since " + CaseClock.format(later) + " — ideas?");
    assertThat(notifications(caseId)).last().isEqualTo("NEXT_ACTION_OVERDUE");

    fireTimer(swarm, Playbook.Element.NEXT_ACTION_WATCH);
    assertThat(notifications(caseId)).filteredOn("NEXT_ACTION_OVERDUE"::equals).as("asked once").hasSize(1);
    assertThat(swarm).isWaitingAt(Playbook.Element.NEXT_ACTION_WATCH);
  }

  @Test
  void theUpdateTaskComesBeforeThePromisedContact_withThePromiseAsItsDueDate() {
    OffsetDateTime promised = CaseClock.now().plusMinutes(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ProcessInstance swarm = owned("storage");
    assertThat(task(swarm, Task.UPDATE_CUSTOMER)).isNull();
    assertThat(timer(swarm, "Timer_NextContactDue").getDuedate().toInstant())
        .isEqualTo(promised.minusMinutes(10).toInstant());

    fireTimer(swarm, "Timer_NextContactDue");
    org.camunda.bpm.engine.task.Task update = task(swarm, Task.UPDATE_CUSTOMER);
    assertThat(update.getDueDate().toInstant()).isEqualTo(promised.toInstant());
    assertThat(update.getName()).startsWith(caseIdOf(swarm) + " · Update customer · Contoso");
    assertThat(timer(swarm, "BoundaryEvent_CustomerUpdateMissed").getDuedate().toInstant())
        .as("the promise passing escalates").isEqualTo(promised.toInstant());

    work(update, "eng-network", Variables.createVariables().putValue(Var.UPDATE_TEXT, "Storage is next")
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30)))
        .putValue(Var.NEXT_ACTION, "Check the SAN switch logs"));
    assertThat(nextActions.of(caseIdOf(swarm)).orElseThrow().text()).isEqualTo("Check the SAN switch logs");
  }

  @Test
  void aRootCauseEndsTheOtherInvestigations_onTheRecordAndToldToTheirEngineer() {
    ProcessInstance swarm = owned("network", "storage");
    String caseId = caseIdOf(swarm);
    org.camunda.bpm.engine.task.Task storage = tasks.createTaskQuery().processInstanceId(swarm.getId())
        .taskDefinitionKey(Task.INVESTIGATE_AREA).taskCandidateGroup("storage").singleResult();
    assertThat(storage.getName()).startsWith(caseId + " · Investigate storage · ");
    assertThat(storage.getDueDate()).isNotNull();
    tasks.claim(storage.getId(), "eng-storage");
    assertThat(investigations.of(caseId)).extracting(Investigations.Investigation::area,
        Investigations.Investigation::status, Investigations.Investigation::assignee)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("network", Status.OPEN, null),
            org.assertj.core.groups.Tuple.tuple("storage", Status.IN_PROGRESS, "eng-storage"));

    org.camunda.bpm.engine.task.Task network = tasks.createTaskQuery().processInstanceId(swarm.getId())
        .taskDefinitionKey(Task.INVESTIGATE_AREA).taskCandidateGroup("network").singleResult();
    work(network, "eng-network", Variables.createVariables().putValue(Var.FINDING, "Firewall rule dropped payments")
        .putValue(Var.VERDICT, "ROOT_CAUSE"));

    assertThat(investigations.of(caseId)).extracting(Investigations.Investigation::area,
        Investigations.Investigation::status, Investigations.Investigation::verdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("network", Status.DONE, "ROOT_CAUSE"),
            org.assertj.core.groups.Tuple.tuple("storage", Status.CANCELLED, null));
    assertThat(threadOf(swarm)).filteredOn(e -> e.kind() == ThreadKind.INVESTIGATION).singleElement()
        .extracting(ThreadEntry::text).asString()
        .startsWith("[storage] investigation stopped (eng-storage was on it): the root cause was found: [network]");
    assertThat(notifications(caseId)).contains("INVESTIGATION_STOPPED");
  }
}
