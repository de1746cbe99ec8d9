package dev.sevaswarm.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.people.InvitationAnswers;
import dev.sevaswarm.people.Invitations;
import dev.sevaswarm.people.Invitations.Invitation;
import dev.sevaswarm.people.Invitations.Status;
import dev.sevaswarm.people.Profile;
import dev.sevaswarm.people.Profiles;
import dev.sevaswarm.people.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inviting the best-ranked expert on shift to an area, in the playbook: accept, decline → next,
 * no answer in time → next, nobody left → the group and the duty manager; the group may claim the
 * area all along, and the loop stops when the area is taken or its investigation ends. Three
 * storage engineers of this test's own are on shift around the frozen engine clock.
 */
class InvitationProcessTest extends ProcessTestSupport {

  private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger();
  /** This test's storage engineers (new ones each test, so that what one test gave them does not count in another). */
  private List<String> experts;
  private final List<String> made = new java.util.ArrayList<>();
  private String ana;
  private String ben;
  private String cho;

  @Autowired Profiles profiles;
  @Autowired Invitations invitations;
  @Autowired InvitationAnswers answers;

  @BeforeEach
  void storageExpertsOnShift() {
    LocalTime now = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC).toLocalTime();
    WorkingHours aroundNow = new WorkingHours(now.minusHours(2), now.plusHours(6), EnumSet.allOf(DayOfWeek.class));
    int run = RUN.incrementAndGet();
    experts = List.of("inv-ana-" + run, "inv-ben-" + run, "inv-cho-" + run);
    ana = experts.get(0);
    ben = experts.get(1);
    cho = experts.get(2);
    made.addAll(experts);
    for (int i = 0; i < experts.size(); i++) {
      String userId = experts.get(i);
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("Expert");
        user.setEmail(userId + "@demo.sevaswarm.dev");
        identity.saveUser(user);
        identity.createMembership(userId, Playbook.Group.STORAGE);
      }
      // ana is the best storage engineer, then ben, then cho
      profiles.save(new Profile(userId, Map.of("storage", 3 - i), List.of(), ZoneOffset.UTC, aroundNow, false), "test");
    }
  }

  @AfterEach
  void nobodyOnShiftForTheOtherTests() {
    made.forEach(profiles::delete);
    made.clear();
  }

  private ProcessInstance investigatingStorage() {
    ProcessInstance swarm = swarmOf(openCase("A", "RAPID_RESPONSE"));
    work(task(swarm, Task.TAKE_OWNERSHIP), "eng-network", Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "We are on it")
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"storage\"]").create())
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(60))));
    return swarm;
  }

  private ProcessInstance loopOf(ProcessInstance swarm) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Playbook.Process.INVITE_EXPERT)
        .processInstanceBusinessKey(caseIdOf(swarm)).active().singleResult();
  }

  private Invitation pending(ProcessInstance swarm) {
    return invitations.ofCase(caseIdOf(swarm)).stream().filter(i -> i.status() == Status.PENDING).findFirst()
        .orElseThrow(() -> new AssertionError("no pending invitation"));
  }

  private static Caller as(String userId) {
    return new Caller(userId, List.of(Playbook.Group.STORAGE));
  }

  private List<String> invitationLines(ProcessInstance swarm) {
    return threadOf(swarm).stream().filter(e -> e.kind() == ThreadKind.INVITATION).map(ThreadEntry::text).toList();
  }

  @Test
  void theBestExpertOnShiftIsInvited_andAcceptingGivesThemTheArea() {
    ProcessInstance swarm = investigatingStorage();
    Invitation invitation = pending(swarm);
    assertThat(invitation.userId()).isEqualTo(ana);
    assertThat(invitation.area()).isEqualTo("storage");
    assertThat(invitationLines(swarm)).singleElement().asString().startsWith("Invited " + ana + " to investigate storage (on shift");
    assertThat(notifications(caseIdOf(swarm))).contains("INVITATION");
    // the invitation locks nobody out: the task is still offered to the whole group
    assertThat(task(swarm, Task.INVESTIGATE_AREA).getAssignee()).isNull();

    assertThatThrownBy(() -> answers.accept(invitation.id(), as(ben))).isInstanceOf(ApiException.class)
        .hasMessage("Only " + ana + " answers this invitation");
    answers.accept(invitation.id(), as(ana));

    assertThat(task(swarm, Task.INVESTIGATE_AREA).getAssignee()).isEqualTo(ana);
    assertThat(invitations.find(invitation.id()).orElseThrow().status()).isEqualTo(Status.ACCEPTED);
    assertThat(loopOf(swarm)).as("the loop is done").isNull();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_InviteeOnIt").count()).isPositive();
    assertThat(invitationLines(swarm)).last().asString().isEqualTo(ana + " accepted the invitation and investigates storage");
  }

  @Test
  void declining_asksTheNext_andNoAnswerInTime_too() {
    ProcessInstance swarm = investigatingStorage();
    Invitation toAna = pending(swarm);
    answers.decline(toAna.id(), as(ana), "On a P1 for another customer");
    assertThat(invitations.find(toAna.id()).orElseThrow().reason()).isEqualTo("On a P1 for another customer");
    Invitation toBen = pending(swarm);
    assertThat(toBen.userId()).isEqualTo(ben);

    // ben does not answer within the decision table's five minutes for Sev A
    fireTimer(loopOf(swarm), Playbook.Element.INVITATION_TIMEOUT);
    assertThat(invitations.find(toBen.id()).orElseThrow().status()).isEqualTo(Status.EXPIRED);
    assertThat(pending(swarm).userId()).isEqualTo(cho);
    assertThat(invitationLines(swarm)).contains(ana + " declined the invitation for storage: On a P1 for another customer",
        ben + " did not answer the invitation for storage within PT5M: asking the next");
    assertThatThrownBy(() -> answers.accept(toBen.id(), as(ben))).isInstanceOf(ApiException.class)
        .hasMessage("The invitation is EXPIRED already");
  }

  @Test
  void whenNobodyIsLeft_theAreaStaysWithItsGroup_andTheDutyManagerIsTold() {
    ProcessInstance swarm = investigatingStorage();
    for (String expert : experts) {
      Invitation invitation = pending(swarm);
      assertThat(invitation.userId()).isEqualTo(expert);
      answers.decline(invitation.id(), as(expert), "Off sick");
    }
    assertThat(loopOf(swarm)).isNull();
    assertThat(invitationLines(swarm)).last().asString().isEqualTo("Nobody accepted the invitations for storage: the storage group has it");
    assertThat(notifications(caseIdOf(swarm))).contains("INVITATIONS_UNANSWERED");
    assertThat(task(swarm, Task.INVESTIGATE_AREA).getAssignee()).isNull();
    assertThat(tasks.createTaskQuery().processInstanceId(swarm.getId()).taskCandidateGroup("storage").count()).isEqualTo(1);
  }

  @Test
  void theGroupMayTakeTheAreaMeanwhile_thenTheInvitationRunsOut() {
    ProcessInstance swarm = investigatingStorage();
    Invitation toAna = pending(swarm);
    identity.setAuthentication("eng-storage", List.of(Playbook.Group.STORAGE));
    tasks.claim(task(swarm, Task.INVESTIGATE_AREA).getId(), "eng-storage");
    identity.clearAuthentication();

    assertThatThrownBy(() -> answers.accept(toAna.id(), as(ana))).isInstanceOf(ApiException.class)
        .hasMessageContaining("took the storage investigation of " + caseIdOf(swarm) + " first");
    assertThat(invitations.find(toAna.id()).orElseThrow().status()).isEqualTo(Status.EXPIRED);
    assertThat(task(swarm, Task.INVESTIGATE_AREA).getAssignee()).isEqualTo("eng-storage");
    assertThat(loopOf(swarm)).as("nobody else is asked").isNull();
    assertThat(invitations.ofCase(caseIdOf(swarm))).hasSize(1);
  }

  @Test
  void anInvestigationThatEnds_endsItsInvitations() {
    ProcessInstance swarm = investigatingStorage();
    Invitation toAna = pending(swarm);
    work(task(swarm, Task.INVESTIGATE_AREA), "eng-storage", Variables.createVariables()
        .putValue(Var.FINDING, "The array's controller failed over").putValue(Var.VERDICT, "ROOT_CAUSE"));

    assertThat(loopOf(swarm)).isNull();
    Invitation over = invitations.find(toAna.id()).orElseThrow();
    assertThat(over.status()).isEqualTo(Status.EXPIRED);
    assertThat(over.reason()).isEqualTo("the investigation moved on");
    String loop = history.createHistoricProcessInstanceQuery().processDefinitionKey(Playbook.Process.INVITE_EXPERT)
        .processInstanceBusinessKey(caseIdOf(swarm)).singleResult().getId();
    assertThat(management.createJobQuery().processInstanceId(loop).count()).as("no timer left behind").isZero();
  }

  @Test
  void nobodyAwayOffShiftOrAlreadyBusyIsInvited() {
    LocalTime now = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC).toLocalTime();
    profiles.save(new Profile(ana, Map.of("storage", 3), List.of(), ZoneOffset.UTC,
        new WorkingHours(now.minusHours(2), now.plusHours(6), EnumSet.allOf(DayOfWeek.class)), true), "test");
    profiles.save(new Profile(ben, Map.of("storage", 3), List.of(), ZoneOffset.UTC,
        new WorkingHours(now.plusHours(1), now.plusHours(9), EnumSet.allOf(DayOfWeek.class)), false), "test");
    ProcessInstance swarm = investigatingStorage();
    assertThat(pending(swarm).userId()).as("ana is away, ben's shift has not begun").isEqualTo(cho);
    answers.accept(pending(swarm).id(), as(cho));

    // cho has one investigation now; with a second one she has as many as anyone is invited to
    ProcessInstance second = investigatingStorage();
    answers.accept(pending(second).id(), as(cho));
    ProcessInstance third = investigatingStorage();
    assertThat(invitations.ofCase(caseIdOf(third))).as("nobody left who is free").isEmpty();
    assertThat(loopOf(third)).isNull();
  }

  @Test
  void everyPathOfTheInvitationLoopIsTaken() {
    List<Runnable> paths = List.of(this::theBestExpertOnShiftIsInvited_andAcceptingGivesThemTheArea,
        this::declining_asksTheNext_andNoAnswerInTime_too,
        this::whenNobodyIsLeft_theAreaStaysWithItsGroup_andTheDutyManagerIsTold,
        this::theGroupMayTakeTheAreaMeanwhile_thenTheInvitationRunsOut);
    for (Runnable path : paths) {
      path.run();
      nobodyOnShiftForTheOtherTests();
      storageExpertsOnShift();
    }
    assertThat(flowNodeCoverage(getClass(), Playbook.Process.INVITE_EXPERT)).isEqualTo(1.0);
  }
}
