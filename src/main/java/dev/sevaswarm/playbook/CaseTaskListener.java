package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseFindings;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Finding;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.cases.Verdict;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.people.FollowTheSun;
import dev.sevaswarm.people.Suggestions;
import dev.sevaswarm.room.Investigations;
import dev.sevaswarm.room.NextActions;
import dev.sevaswarm.sla.SlaMetrics;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the playbook remembers when people work its tasks: who owns the case, when the customer
 * got the first response, each finding, update, decision and resolution, all in the case thread.
 * Input that would break the flow (no areas picked, an unknown verdict) is refused with a message,
 * so the task stays open with everything the person typed.
 */
@Component("caseTaskListener")
public class CaseTaskListener implements TaskListener {

  /** Camunda keeps a task's name in 255 characters. */
  private static final int TASK_NAME = 255;

  private final CaseThread thread;
  private final CaseFindings findings;
  private final CaseRepository cases;
  private final SlaMetrics metrics;
  private final IdentityService identity;
  private final NextActions nextActions;
  private final CaseEvents events;
  private final FollowTheSun followTheSun;
  private final Investigations investigations;
  private final Suggestions suggestions;

  public CaseTaskListener(CaseThread thread, CaseFindings findings, CaseRepository cases, SlaMetrics metrics,
      IdentityService identity, NextActions nextActions, CaseEvents events, FollowTheSun followTheSun,
      Investigations investigations, Suggestions suggestions) {
    this.suggestions = suggestions;
    this.followTheSun = followTheSun;
    this.investigations = investigations;
    this.nextActions = nextActions;
    this.events = events;
    this.thread = thread;
    this.findings = findings;
    this.cases = cases;
    this.metrics = metrics;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_ASSIGNMENT -> assigned(task);
      case EVENTNAME_COMPLETE -> completed(task);
      default -> { }
    }
  }

  private void created(DelegateTask task) {
    String what = task.getName();
    if (Task.INVESTIGATE_AREA.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(Var.AREA, task.getVariable(Var.AREA));
      what = "Investigate " + task.getVariable(Var.AREA);
    }
    if (Task.PLAN_NEXT_STEP.equals(task.getTaskDefinitionKey())) {
      // a new round starts from nothing ticked, with the findings so far in view
      task.setVariable(Var.ESCALATE, false);
      task.setVariable(Var.ISOLATION_AREAS, null);
      task.setVariableLocal(Var.FINDINGS_SO_FAR, findingsSoFar(caseId(task)));
    }
    if (Task.CONFIRM_RESOLUTION.equals(task.getTaskDefinitionKey())) {
      task.setVariable(Var.CUSTOMER_CONFIRMED, null); // asked afresh each time: no answer is pre-filled
    }
    if (Task.TAKE_OWNERSHIP.equals(task.getTaskDefinitionKey())) {
      // who to ask, per area, for the owner picking the areas (shown read-only on the form)
      String whoToAsk = suggestions.forCase(caseId(task));
      if (!whoToAsk.isEmpty()) {
        task.setVariableLocal(Var.EXPERT_SUGGESTIONS, FieldLimits.fit(whoToAsk, FieldLimits.LONG_TEXT));
      }
    }
    if (Task.HAND_OVER.equals(task.getTaskDefinitionKey())) {
      // the brief starts from the case as it is: the owner corrects and completes it
      String caseId = caseId(task);
      task.setVariableLocal(Var.HANDOVER_BRIEF, brief(caseId, task));
      nextActions.of(caseId).ifPresent(next -> {
        task.setVariableLocal(Var.NEXT_ACTION, next.text());
        task.setVariableLocal(Var.NEXT_ACTION_DUE, CaseClock.format(next.due()));
      });
    }
    // Tasklist lists tasks by name: say which case each one is
    task.setName(FieldLimits.fit(caseId(task) + " · " + what + " · " + text(task, Var.CUSTOMER) + " · "
        + text(task, Var.TITLE), TASK_NAME));
  }

  private void assigned(DelegateTask task) {
    if (Task.HANDLE_CASE.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
      // for Sev B/C, an engineer taking the case is the first response
      task.setVariable(Var.OWNER, task.getAssignee());
      if (task.getVariable(Var.FIRST_RESPONSE_AT) == null) {
        firstResponse(task);
      }
      post(task, ThreadKind.OWNERSHIP, ThreadWords.of("thread.task.took", task.getAssignee()));
    }
  }

  private void completed(DelegateTask task) {
    String actor = actor(task);
    switch (task.getTaskDefinitionKey()) {
      case Task.TAKE_OWNERSHIP -> {
        List<String> areas = requireAreas(task);
        task.setVariable(Var.OWNER, actor);
        firstResponse(task);
        task.setVariable(Var.ROOT_CAUSE_FOUND, false);
        task.setVariable(Var.UPDATE_COUNT, 0);
        normaliseNextContact(task);
        post(task, ThreadKind.OWNERSHIP, ThreadWords.of("thread.task.owns", actor, String.join(", ", areas)));
        followTheSun.watch(caseId(task), actor, severity(task));
        nextAction(task, actor, "Investigate " + String.join(", ", areas));
        post(task, ThreadKind.FIRST_RESPONSE, ThreadWords.of("thread.task.firstResponse", text(task, Var.FIRST_RESPONSE),
            task.getVariable(Var.NEXT_CONTACT_AT)));
      }
      case Task.INVESTIGATE_AREA -> {
        Verdict verdict = verdict(task);
        String area = String.valueOf(task.getVariable(Var.AREA));
        post(task, ThreadKind.FINDING, ThreadWords.of("thread.task.finding", area, verdict, text(task, Var.FINDING)));
        findings.add(caseId(task),
            new Finding(area, verdict, text(task, Var.FINDING), actor, CaseClock.now()));
        metrics.finding(area, verdict.name());
        if (verdict == Verdict.ROOT_CAUSE) {
          metrics.rootCauseFound(severity(task), sinceIntake(task));
          task.setVariable(Var.ROOT_CAUSE_FOUND, true);
          task.getExecution().getProcessInstance().setVariable(Var.ROOT_CAUSE,
              FieldLimits.fit("[" + area + "] " + text(task, Var.FINDING), FieldLimits.LONG_TEXT));
        }
      }
      case Task.UPDATE_CUSTOMER -> {
        normaliseNextContact(task);
        Object count = task.getVariable(Var.UPDATE_COUNT);
        task.setVariable(Var.UPDATE_COUNT, count instanceof Number n ? n.intValue() + 1 : 1);
        post(task, ThreadKind.CUSTOMER_UPDATE, ThreadWords.of("thread.task.customerUpdate", text(task, Var.UPDATE_TEXT),
            task.getVariable(Var.NEXT_CONTACT_AT)));
        nextAction(task, actor, null);
      }
      case Task.PLAN_NEXT_STEP -> {
        List<String> areas = requireAreas(task);
        task.setVariable(Var.ROOT_CAUSE_FOUND, false);
        boolean escalate = Boolean.TRUE.equals(task.getVariable(Var.ESCALATE));
        post(task, ThreadKind.NOTE, ThreadWords.of(escalate ? "thread.task.nextRoundEscalate" : "thread.task.nextRound",
            String.join(", ", areas)));
        nextAction(task, actor, "Investigate " + String.join(", ", areas));
      }
      case Task.HANDLE_ESCALATION -> {
        post(task, ThreadKind.DECISION, ThreadWords.of("thread.task.decision", text(task, Var.DECISION)));
        Map<String, String> details = new LinkedHashMap<>();
        details.put(Var.DECISION, text(task, Var.DECISION));
        details.put("decidedBy", actor);
        details.put(Var.ESCALATION_REASON, text(task, Var.ESCALATION_REASON));
        if (task.getVariable(Var.OWNER) != null) {
          details.put(MessageComposer.PEOPLE, task.getVariable(Var.OWNER).toString());
        }
        events.announce(task, NotificationEvent.ESCALATION_DECIDED, details);
      }
      case Task.CONFIRM_RESOLUTION -> {
        Object answer = task.getVariable(Var.CUSTOMER_CONFIRMED);
        if (answer == null) {
          throw new ProcessEngineException(Var.CUSTOMER_CONFIRMED + ": say whether the customer confirmed the fix");
        }
        boolean confirmed = Boolean.TRUE.equals(answer) || "yes".equals(answer) || "true".equals(answer);
        task.setVariable(Var.CUSTOMER_CONFIRMED, confirmed);
        if (confirmed) {
          cases.status(caseId(task), CaseStatus.RESOLVED);
          metrics.resolved(severity(task), sinceIntake(task));
        }
        post(task, ThreadKind.RESOLUTION, ThreadWords.of(confirmed ? "thread.task.confirmed" : "thread.task.notFixed",
            text(task, Var.ROOT_CAUSE), text(task, Var.RESOLUTION)));
      }
      case Task.HAND_OVER -> {
        // what was pre-filled on the task gives way to what the owner submitted (on the case)
        List.of(Var.HANDOVER_BRIEF, Var.NEXT_ACTION, Var.NEXT_ACTION_DUE).forEach(task::removeVariableLocal);
        normaliseNextContact(task);
        nextAction(task, actor, null);
        String brief = FieldLimits.fit(text(task, Var.HANDOVER_BRIEF), FieldLimits.LONG_TEXT);
        task.getExecution().getProcessInstance().setVariable(Var.HANDOVER_BRIEF, brief);
        post(task, ThreadKind.OWNERSHIP, ThreadWords.of("thread.task.handsOver", actor, brief));
      }
      case Task.TAKE_OVER -> takenOver(task, actor);
      case Task.POST_INCIDENT_REVIEW -> post(task, ThreadKind.REVIEW,
          ThreadWords.of("thread.task.review", text(task, Var.SUMMARY), text(task, Var.ACTIONS)));
      case Task.HANDLE_CASE -> {
        boolean raise = Boolean.TRUE.equals(task.getVariable(Var.RAISE_TO_SEV_A));
        if (!raise && text(task, Var.RESOLUTION).isEmpty()) {
          throw new ProcessEngineException(Var.RESOLUTION + ": describe the resolution, or raise the case to Sev A");
        }
        task.setVariable(Var.RAISE_TO_SEV_A, raise);
        post(task, raise ? ThreadKind.RAISE : ThreadKind.RESOLUTION,
            raise ? ThreadWords.of("thread.task.raiseAsked", actor)
                : ThreadWords.of("thread.task.resolved", text(task, Var.RESOLUTION)));
      }
      default -> { }
    }
  }

  /**
   * The owner's next action, as the step set it: a new text (or due time) becomes the case's next
   * action; take-ownership always sets one, by default investigating the areas picked, due at the
   * next customer contact.
   */
  private void nextAction(DelegateTask task, String actor, String byDefault) {
    String text = text(task, Var.NEXT_ACTION);
    OffsetDateTime due;
    try {
      due = Times.parseUsable(task.getVariable(Var.NEXT_ACTION_DUE)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(Var.NEXT_ACTION_DUE + ": " + e.getMessage());
    }
    String caseId = caseId(task);
    Optional<NextActions.NextAction> current = nextActions.of(caseId);
    boolean first = Task.TAKE_OWNERSHIP.equals(task.getTaskDefinitionKey()) || current.isEmpty();
    if (text.isEmpty()) {
      if (!first || byDefault == null) {
        return;
      }
      text = byDefault;
    }
    if (due == null) {
      due = Times.parse(task.getVariable(Var.NEXT_CONTACT_AT)).orElse(CaseClock.now().plusHours(1));
    }
    boolean unchanged = current.isPresent() && current.get().text().equals(text) && current.get().due().isEqual(due);
    if (!first && unchanged) {
      return;
    }
    nextActions.set(caseId, text, due, actor,
        Optional.of(task.getProcessInstanceId()).filter(id -> isSwarm(task)));
  }

  /** What the next owner needs to know, from the case as it is now (the owner completes it). */
  private String brief(String caseId, DelegateTask task) {
    StringBuilder brief = new StringBuilder();
    brief.append("Status: ").append(cases.find(caseId).map(c -> c.status().name()).orElse("?")).append('\n');
    List<String> open = investigations.of(caseId).stream()
        .filter(i -> i.status() == Investigations.Status.OPEN || i.status() == Investigations.Status.IN_PROGRESS)
        .map(i -> i.area() + (i.assignee() == null ? " (waiting)" : " (" + i.assignee() + ")")).toList();
    brief.append("Open hypotheses: ").append(open.isEmpty() ? "none" : String.join(", ", open)).append('\n');
    List<String> ruledOut = findings.of(caseId).stream().filter(f -> f.verdict() == Verdict.RULED_OUT)
        .map(f -> f.area() + ": " + f.finding()).toList();
    brief.append("Ruled out: ").append(ruledOut.isEmpty() ? "nothing yet" : String.join("; ", ruledOut)).append('\n');
    brief.append("Next action: ").append(nextActions.of(caseId).map(n -> n.text() + " (by " + CaseClock.format(n.due()) + ")")
        .orElse("none")).append('\n');
    brief.append("Next customer contact: ").append(text(task, Var.NEXT_CONTACT_AT));
    return FieldLimits.fit(brief.toString(), FieldLimits.LONG_TEXT);
  }

  /** A new owner: on the record, the old owner's open steps are theirs, the customer is told, their shift watched. */
  private void takenOver(DelegateTask task, String actor) {
    String previous = text(task, Var.OWNER);
    task.setVariable(Var.OWNER, actor);
    org.camunda.bpm.engine.TaskService taskService = task.getProcessEngineServices().getTaskService();
    taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskAssignee(previous).list().stream()
        .filter(open -> !open.getId().equals(task.getId()))
        .forEach(open -> taskService.setAssignee(open.getId(), actor));
    post(task, ThreadKind.OWNERSHIP, text(task, Var.TAKE_OVER_NOTE).isEmpty()
        ? ThreadWords.of("thread.task.tookOver", actor, previous)
        : ThreadWords.of("thread.task.tookOverNote", actor, previous, text(task, Var.TAKE_OVER_NOTE)));
    Map<String, String> details = new LinkedHashMap<>();
    details.put(MessageComposer.YOUR_ENGINEER, actor);
    events.announce(task, NotificationEvent.OWNER_CHANGED, details);
    followTheSun.watch(caseId(task), actor, severity(task));
  }

  private String findingsSoFar(String caseId) {
    List<String> lines = findings.of(caseId).stream()
        .map(f -> "[" + f.area() + "] " + f.verdict() + " (" + f.by() + "): " + f.finding()).toList();
    return FieldLimits.fit(lines.isEmpty() ? "No findings yet." : String.join("\n", lines), FieldLimits.LONG_TEXT);
  }

  private static boolean isSwarm(DelegateTask task) {
    return task.getProcessDefinitionId().startsWith(Playbook.Process.SEV_A_SWARM + ":");
  }

  /** The first response counts once: on the record, in the metrics and in the case's variables. */
  private void firstResponse(DelegateTask task) {
    OffsetDateTime now = CaseClock.now();
    task.setVariable(Var.FIRST_RESPONSE_AT, CaseClock.format(now));
    cases.firstResponse(caseId(task), now);
    metrics.firstResponse(severity(task), String.valueOf(task.getVariable(Var.PLAN)), sinceIntake(task));
  }

  private static Duration sinceIntake(DelegateTask task) {
    OffsetDateTime started = Times.parse(task.getVariable(Var.SLA_STARTED_AT)).orElse(CaseClock.now());
    return Duration.between(started, CaseClock.now());
  }

  private static String severity(DelegateTask task) {
    return String.valueOf(task.getVariable(Var.SEVERITY));
  }

  /** The case is the one whose process the task belongs to: its business key, never a submitted variable. */
  private static String caseId(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

  private List<String> requireAreas(DelegateTask task) {
    List<String> areas = PlaybookAreas.areas(task.getVariable(Var.ISOLATION_AREAS));
    if (areas.isEmpty()) {
      throw new ProcessEngineException(Var.ISOLATION_AREAS + ": pick at least one isolation area");
    }
    return areas;
  }

  private static Verdict verdict(DelegateTask task) {
    Object value = task.getVariable(Var.VERDICT);
    try {
      return Verdict.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(Var.VERDICT + ": must be one of " + Arrays.toString(Verdict.values()));
    }
  }

  /** Keeps the promised contact time as an offset date-time; without one, the plan's cadence applies. */
  private static void normaliseNextContact(DelegateTask task) {
    OffsetDateTime next;
    try {
      next = Times.parseUsable(task.getVariable(Var.NEXT_CONTACT_AT)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(Var.NEXT_CONTACT_AT + ": " + e.getMessage());
    }
    if (next == null) {
      Object cadence = task.getVariable(Var.UPDATE_CADENCE_MINUTES);
      next = CaseClock.now().plusMinutes(cadence instanceof Number n ? n.longValue() : 60);
    }
    task.setVariable(Var.NEXT_CONTACT_AT, CaseClock.format(next));
    // the update task appears a lead time before the promise, so the owner is not late
    Object lead = task.getVariable(Var.UPDATE_LEAD_MINUTES);
    OffsetDateTime appears = next.minusMinutes(lead instanceof Number n ? n.longValue() : 0);
    task.setVariable(Var.UPDATE_TASK_AT, CaseClock.format(appears.isBefore(CaseClock.now()) ? CaseClock.now() : appears));
  }

  private String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    String current = Caller.current(identity).userId();
    return current == null ? CaseThread.SYSTEM : current;
  }

  private void post(DelegateTask task, ThreadKind kind, ThreadWords words) {
    thread.post(caseId(task), actor(task), kind, words);
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }
}
