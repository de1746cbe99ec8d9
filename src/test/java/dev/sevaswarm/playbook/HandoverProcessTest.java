package dev.sevaswarm.playbook;

import dev.sevaswarm.cases.ThreadWords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.SwarmProperties;
import dev.sevaswarm.people.FollowTheSun;
import dev.sevaswarm.people.InvitationAnswers;
import dev.sevaswarm.people.Invitations;
import dev.sevaswarm.people.Invitations.Invitation;
import dev.sevaswarm.people.Profile;
import dev.sevaswarm.people.Profiles;
import dev.sevaswarm.people.WorkingHours;
import dev.sevaswarm.room.NextActions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follow the sun in the playbook: when the owner's shift is about to end, they hand the case over
 * with a brief; the best Sev A engineer on shift is invited to take it over; the new owner gets the
 * case's open steps, the customer is told, and their own shift is watched. An owner may also hand
 * over on purpose. This test's owner works until two hours from the frozen clock, the engineer
 * who takes over for eight more.
 */
class HandoverProcessTest extends ProcessTestSupport {

  private static final AtomicInteger RUN = new AtomicInteger();

  @Autowired Profiles profiles;
  @Autowired Invitations invitations;
  @Autowired InvitationAnswers answers;
  @Autowired FollowTheSun followTheSun;
  @Autowired NextActions nextActions;
  @Autowired DecisionService decisions;
  @Autowired CaseThread caseThread;

  private final List<String> made = new ArrayList<>();
  private String owner;
  private String taker;

  private String engineer(String name, LocalTime from, LocalTime to) {
    String userId = name + "-" + RUN.get();
    User user = identity.newUser(userId);
    user.setFirstName(name);
    user.setLastName("Sun");
    user.setEmail(userId + "@demo.sevaswarm.dev");
    identity.saveUser(user);
    identity.createMembership(userId, Playbook.Group.SEV_A_ENGINEERS);
    identity.createMembership(userId, Playbook.Group.NETWORK);
    profiles.save(new Profile(userId, Map.of("network", 2), List.of(), ZoneOffset.UTC,
        new WorkingHours(from, to, EnumSet.allOf(DayOfWeek.class)), false), "test");
    made.add(userId);
    return userId;
  }

  @BeforeEach
  void anOwnerWhoseShiftEndsSoon_andSomeoneOnShiftAfter() {
    RUN.incrementAndGet();
    LocalTime now = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    owner = engineer("hov-owner", now.minusHours(6), now.plusHours(2));
    taker = engineer("hov-taker", now.minusHours(1), now.plusHours(8));
  }

  @AfterEach
  void offTheTeam() {
    made.forEach(profiles::delete);
    made.clear();
  }

  private ProcessInstance ownedByTheOwner() {
    ProcessInstance swarm = swarmOf(openCase("A", "RAPID_RESPONSE"));
    work(task(swarm, Task.TAKE_OWNERSHIP), owner, Variables.createVariables()
        .putValue(Var.FIRST_RESPONSE, "We are on it")
        .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"network\"]").create())
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(60))));
    return swarm;
  }

  private ProcessInstance watchOf(ProcessInstance swarm) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Playbook.Process.FOLLOW_THE_SUN)
        .processInstanceBusinessKey(caseIdOf(swarm)).active().singleResult();
  }

  private List<String> ownershipLines(ProcessInstance swarm) {
    return threadOf(swarm).stream().filter(e -> e.kind() == ThreadKind.OWNERSHIP).map(ThreadEntry::text).toList();
  }

  @Test
  void atTheEndOfTheOwnersShift_theyHandOver_andTheBestEngineerOnShiftTakesOver() {
    OffsetDateTime start = CaseClock.now();
    ProcessInstance swarm = ownedByTheOwner();
    String caseId = caseIdOf(swarm);

    // the watch waits for the end of the owner's shift, less the half hour of handover-lead for Sev A
    ProcessInstance watch = watchOf(swarm);
    assertThat(watch).as("the owner's shift is watched").isNotNull();
    OffsetDateTime shiftEnd = start.truncatedTo(ChronoUnit.MINUTES).plusHours(2);
    assertThat(timer(watch, Playbook.Element.SHIFT_ENDS).getDuedate().toInstant())
        .isEqualTo(shiftEnd.minusMinutes(30).toInstant());
    fireTimer(watch, Playbook.Element.SHIFT_ENDS);

    org.camunda.bpm.engine.task.Task handOver = task(swarm, Task.HAND_OVER);
    assertThat(handOver.getAssignee()).isEqualTo(owner);
    String brief = (String) tasks.getVariableLocal(handOver.getId(), Var.HANDOVER_BRIEF);
    assertThat(brief).contains("Status: INVESTIGATING", "Open hypotheses: network (waiting)",
        "Next action: Investigate network");
    assertThat(tasks.getVariableLocal(handOver.getId(), Var.NEXT_ACTION)).isEqualTo("Investigate network");
    assertThat(ownershipLines(swarm)).contains(owner + "'s shift ends: time to hand the case over");

    OffsetDateTime promised = CaseClock.now().plusMinutes(90).truncatedTo(ChronoUnit.SECONDS);
    work(handOver, owner, Variables.createVariables()
        .putValue(Var.HANDOVER_BRIEF, brief + "\nCalled the firewall vendor; they call back by 07:00.")
        .putValue(Var.NEXT_ACTION, "Take the firewall vendor's call")
        .putValue(Var.NEXT_ACTION_DUE, CaseClock.format(promised))
        .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(promised)));
    // the next action and the next contact go on through the handover
    assertThat(nextActions.of(caseId).orElseThrow().text()).isEqualTo("Take the firewall vendor's call");
    assertThat(runtime.getVariable(swarm.getId(), Var.NEXT_CONTACT_AT)).isEqualTo(CaseClock.format(promised));

    // the take-over is offered to the Sev A rotation, and the best engineer on shift (not the owner) invited
    assertThat(task(swarm, Task.TAKE_OVER).getAssignee()).isNull();
    Invitation invitation = invitations.ofCase(caseId).stream().filter(i -> i.area().equals(Var.OWNER_AREA))
        .findFirst().orElseThrow();
    assertThat(invitation.userId()).isEqualTo(taker);
    answers.accept(invitation.id(), new Caller(taker, List.of(Playbook.Group.SEV_A_ENGINEERS)));
    org.camunda.bpm.engine.task.Task takeOver = task(swarm, Task.TAKE_OVER);
    assertThat(takeOver.getAssignee()).isEqualTo(taker);
    assertThat(runtime.getVariable(swarm.getId(), Var.HANDOVER_BRIEF).toString()).contains("firewall vendor");

    work(takeOver, taker, Variables.createVariables().putValue(Var.TAKE_OVER_NOTE, "Waiting for the vendor's call"));
    assertThat(runtime.getVariable(swarm.getId(), Var.OWNER)).isEqualTo(taker);
    assertThat(ownershipLines(swarm)).contains(taker + " owns the case now, taken over from " + owner
        + ": Waiting for the vendor's call");
    assertThat(notifications(caseId)).contains("OWNER_CHANGED");
    // the new owner's shift is watched now
    ProcessInstance next = watchOf(swarm);
    assertThat(runtime.getVariable(next.getId(), Var.WATCHED_OWNER)).isEqualTo(taker);
    assertThat(tasks.createTaskQuery().processInstanceId(swarm.getId())
        .taskDefinitionKeyIn(Task.HAND_OVER, Task.TAKE_OVER).count()).isZero();
  }

  @Test
  void anOwnerMayHandOverOnPurpose_once_andTheOldOwnersStepsBecomeTheNewOwners() {
    ProcessInstance swarm = ownedByTheOwner();
    String caseId = caseIdOf(swarm);
    followTheSun.request(caseId, ThreadWords.of("thread.handover.asked", owner));
    assertThat(task(swarm, Task.HAND_OVER).getAssignee()).isEqualTo(owner);
    try {
      followTheSun.request(caseId, ThreadWords.of("thread.handover.asked", "again"));
      throw new AssertionError("a second handover while one is under way");
    } catch (FollowTheSun.NoHandover underWay) {
      assertThat(underWay).hasMessage("Case " + caseId + " is being handed over already");
    }

    // the update the owner owes the customer comes due during the handover
    fireTimer(swarm, "Timer_NextContactDue");
    assertThat(task(swarm, Task.UPDATE_CUSTOMER).getAssignee()).isEqualTo(owner);
    work(task(swarm, Task.HAND_OVER), owner, Variables.createVariables()
        .putValue(Var.HANDOVER_BRIEF, "All in the thread").putValue(Var.NEXT_CONTACT_AT,
            CaseClock.format(CaseClock.now().plusMinutes(30))));
    work(task(swarm, Task.TAKE_OVER), taker, Variables.createVariables());
    assertThat(task(swarm, Task.UPDATE_CUSTOMER).getAssignee()).as("the owed update is the new owner's").isEqualTo(taker);
  }

  @Test
  void theHandoverIsDueAtShiftEndLessTheLead_neverBeforeNow_andNotForSomeoneAwayOrOffShift() {
    java.time.ZonedDateTime now = CaseClock.now().atZoneSameInstant(ZoneOffset.UTC);
    LocalTime t = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    WorkingHours twoHoursLeft = new WorkingHours(t.minusHours(6), t.plusHours(2), EnumSet.allOf(DayOfWeek.class));
    Profile working = new Profile("x", Map.of(), List.of(), ZoneOffset.UTC, twoHoursLeft, false);
    assertThat(FollowTheSun.handoverDue(working, now, Duration.ofMinutes(30))).contains(
        now.truncatedTo(ChronoUnit.MINUTES).plusHours(2).minusMinutes(30).toOffsetDateTime());
    assertThat(FollowTheSun.handoverDue(working, now, Duration.ofHours(3))).as("less time left than the lead")
        .contains(now.toOffsetDateTime());
    assertThat(FollowTheSun.handoverDue(new Profile("x", Map.of(), List.of(), ZoneOffset.UTC, twoHoursLeft, true),
        now, Duration.ofMinutes(30))).as("away").isEmpty();
    assertThat(FollowTheSun.handoverDue(new Profile("x", Map.of(), List.of(), ZoneOffset.UTC,
        new WorkingHours(t.plusHours(1), t.plusHours(9), EnumSet.allOf(DayOfWeek.class)), false), now,
        Duration.ofMinutes(30))).as("not on shift").isEmpty();
    assertThat(FollowTheSun.handoverDue(null, now, Duration.ofMinutes(30))).as("no profile").isEmpty();
  }

  @Test
  void teamsThatDoNotWorkAroundTheClock_turnTheWatchOff() {
    ProcessInstance swarm = ownedByTheOwner();
    SwarmProperties off = new SwarmProperties(null, null, null, null, null, null, null, null,
        new SwarmProperties.People(false, null), null);
    new FollowTheSun(profiles, runtime, tasks, decisions, caseThread, off).watch(caseIdOf(swarm), taker, "A");
    assertThat(watchOf(swarm)).as("the old watch ended, and no new one").isNull();
  }
}
