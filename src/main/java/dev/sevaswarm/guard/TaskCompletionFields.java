package dev.sevaswarm.guard;

import static dev.sevaswarm.cases.Playbook.Var;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.cases.VariableLists;
import dev.sevaswarm.cases.Verdict;
import dev.sevaswarm.identity.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rule at the task-completion door: completing (or saving) a task may set only the fields its
 * step asks for (PRODUCT.md's table, plus the fields its deployed form declares), each in its shape
 * and within its size. The case a task belongs to, its owner, its SLA and its routing are the
 * process's own and are never taken from submitted data.
 */
@Component
public class TaskCompletionFields {

  /** The shape a field's value must have. */
  enum Kind { TEXT, AREAS, TIME, BOOLEAN, VERDICT, FORM_FIELD }

  /** The fields each task key takes (PRODUCT.md). */
  static final Map<String, Map<String, Kind>> TABLE = Map.of(
      Task.TAKE_OWNERSHIP, fields(Var.FIRST_RESPONSE, Kind.TEXT, Var.ISOLATION_AREAS, Kind.AREAS,
          Var.NEXT_CONTACT_AT, Kind.TIME, Var.NEXT_ACTION, Kind.TEXT, Var.NEXT_ACTION_DUE, Kind.TIME),
      Task.INVESTIGATE_AREA, fields(Var.FINDING, Kind.TEXT, Var.VERDICT, Kind.VERDICT),
      Task.UPDATE_CUSTOMER, fields(Var.UPDATE_TEXT, Kind.TEXT, Var.NEXT_CONTACT_AT, Kind.TIME,
          Var.NEXT_ACTION, Kind.TEXT, Var.NEXT_ACTION_DUE, Kind.TIME),
      Task.HANDLE_ESCALATION, fields(Var.DECISION, Kind.TEXT),
      Task.CONFIRM_RESOLUTION, fields(Var.ROOT_CAUSE, Kind.TEXT, Var.RESOLUTION, Kind.TEXT,
          Var.CUSTOMER_CONFIRMED, Kind.BOOLEAN),
      Task.PLAN_NEXT_STEP, fields(Var.ISOLATION_AREAS, Kind.AREAS, Var.ESCALATE, Kind.BOOLEAN,
          Var.NEXT_ACTION, Kind.TEXT, Var.NEXT_ACTION_DUE, Kind.TIME),
      Task.POST_INCIDENT_REVIEW, fields(Var.SUMMARY, Kind.TEXT, Var.ACTIONS, Kind.TEXT),
      Task.HANDLE_CASE, fields(Var.RESOLUTION, Kind.TEXT, Var.RAISE_TO_SEV_A, Kind.BOOLEAN),
      Task.HAND_OVER, fields(Var.HANDOVER_BRIEF, Kind.TEXT, Var.NEXT_ACTION, Kind.TEXT, Var.NEXT_ACTION_DUE, Kind.TIME,
          Var.NEXT_CONTACT_AT, Kind.TIME),
      Task.TAKE_OVER, fields(Var.TAKE_OVER_NOTE, Kind.TEXT));

  /** The case's identity, intake, SLA, ownership and routing: no form may declare them as input. */
  public static final Set<String> PROTECTED = Set.of(
      Var.CASE_ID, Var.EXTERNAL_ID, Var.CUSTOMER, Var.CONTACT_NAME, Var.CONTACT_EMAIL, Var.SEVERITY, Var.PLAN,
      Var.TITLE, Var.DESCRIPTION, Var.BUSINESS_IMPACT, Var.RECOVER_BY, Var.SERVICES, Var.REQUESTED_BY, Var.LOCALE,
      Var.TIME_ZONE,
      Var.RESPONSE_TIMES, Var.FIRST_RESPONSE_DUE, Var.FIRST_RESPONSE_WARNING_AT, Var.FIRST_RESPONSE_AT,
      Var.ESCALATION_DUE, Var.UPDATE_CADENCE_MINUTES, Var.SLA_BREACHED, Var.SLA_STARTED_AT, Var.OWNER,
      Var.AREA, Var.AREA_GROUP, Var.ROOT_CAUSE_FOUND, Var.VOLUNTEERED_BY, Var.JOINED_BY, Var.ESCALATION_REASON,
      Var.UPDATE_COUNT, Var.RAISED, Var.DOWNGRADED, Var.EVENT, Var.EVENT_KEY, Var.TARGETS, Var.TARGET,
      Var.DETAILS, Var.PUBLISHED_AT, Var.NOTIFICATION, Var.EVENTS);

  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime");

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final HistoryService history;
  private final ObjectMapper json = new ObjectMapper();

  public TaskCompletionFields(TaskService tasks, FormService forms, IdentityService identity, HistoryService history) {
    this.history = history;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
  }

  /**
   * Why setting these values (and removing these names) on the task is refused, if it is: a task
   * that is no longer open (404, or 409 when it was completed or cancelled meanwhile), or fields the
   * step does not take or values it cannot hold (400).
   */
  public Optional<Refusal> check(String taskId, Map<String, Object> values, Collection<String> removed) {
    org.camunda.bpm.engine.task.Task task = Caller.asSystem(identity,
        () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return Optional.of(Caller.asSystem(identity, () -> gone(taskId)));
    }
    Map<String, Kind> allowed = Caller.asSystem(identity, () -> allowedFields(task));
    String taskKey = task.getTaskDefinitionKey();
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(values.keySet());
    names.addAll(removed);
    for (String name : names) {
      Kind kind = allowed.get(name);
      if (PROTECTED.contains(name)) {
        problems.add(new FieldProblem(name, "belongs to the case and cannot be set by completing a task"));
      } else if (kind == null) {
        problems.add(new FieldProblem(name, "is not a field of " + taskKey + "; it takes only "
            + new TreeSet<>(allowed.keySet())));
      } else if (values.containsKey(name)) {
        problem(name, kind, values.get(name)).ifPresent(message -> problems.add(new FieldProblem(name, message)));
      }
    }
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(Refusal.invalid("This task does not take " + problems.stream().map(FieldProblem::field).toList(),
            problems));
  }

  /** A task that is not open: finished meanwhile (someone completed it, or the case moved on), or never there. */
  private Refusal gone(String taskId) {
    HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (ended == null) {
      return new Refusal(HttpStatus.NOT_FOUND, "No task " + taskId, List.of());
    }
    String how = "completed".equals(ended.getDeleteReason()) ? "was completed"
        : "was cancelled (" + ended.getDeleteReason() + ")";
    return new Refusal(HttpStatus.CONFLICT, "The task '" + ended.getName() + "' " + how + " at "
        + (ended.getEndTime() == null ? "an unknown time" : ended.getEndTime().toInstant())
        + " and can no longer be worked; nothing was saved. Reload to see the case's open tasks.", List.of());
  }

  /** The fields of a running task: its step's, and the input fields of the form deployed with it. */
  private Map<String, Kind> allowedFields(org.camunda.bpm.engine.task.Task task) {
    Map<String, Kind> allowed = new LinkedHashMap<>();
    formFields(task.getId()).forEach(key -> allowed.put(key, Kind.FORM_FIELD));
    allowed.putAll(TABLE.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
    PROTECTED.forEach(allowed::remove);
    return allowed;
  }

  private Set<String> formFields(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return inputKeys(json.readTree(form));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Set.of();
    }
  }

  /** The keys of a Camunda Form's input fields that Tasklist submits (disabled fields are not submitted). */
  public static Set<String> inputKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collect(form.path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (INPUT_TYPES.contains(component.path("type").asText()) && component.hasNonNull("key")
          && !component.path("disabled").asBoolean(false)) {
        keys.add(component.get("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }

  private static Optional<String> problem(String name, Kind kind, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    int max = FieldLimits.MAX_LENGTH.getOrDefault(name, FieldLimits.LONG_TEXT);
    return switch (kind) {
      case TEXT -> value instanceof String text ? FieldLimits.problem(text, max) : Optional.of("must be text");
      case FORM_FIELD -> value instanceof String text ? FieldLimits.problem(text, max) : Optional.empty();
      case BOOLEAN -> value instanceof Boolean || List.of("true", "false", "yes", "no").contains(value)
          ? Optional.empty() : Optional.of("must be yes or no");
      case VERDICT -> verdict(value);
      case TIME -> time(value);
      case AREAS -> areas(value);
    };
  }

  private static Optional<String> verdict(Object value) {
    String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(Verdict.values()).anyMatch(v -> v.name().equals(text))
        ? Optional.empty() : Optional.of("must be one of " + Arrays.toString(Verdict.values()));
  }

  /** A promise (next contact, next action) is about the future: a time already past is refused. */
  private static Optional<String> time(Object value) {
    try {
      Optional<java.time.OffsetDateTime> time = Times.parseUsable(value);
      if (time.isPresent() && time.get().isBefore(CaseClock.now().minusMinutes(1))) {
        return Optional.of("is in the past (" + CaseClock.format(time.get()) + "): promise a time still to come");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Optional<String> areas(Object value) {
    List<String> areas;
    try {
      areas = VariableLists.strings(value);
    } catch (RuntimeException e) {
      return Optional.of("must be a list of isolation areas");
    }
    if (areas.isEmpty()) {
      return Optional.of("pick at least one isolation area");
    }
    return areas.stream().map(area -> FieldLimits.problem(area, FieldLimits.AREA)).flatMap(Optional::stream)
        .findFirst().map(problem -> "each area " + problem);
  }

  private static Map<String, Kind> fields(Object... nameAndKind) {
    Map<String, Kind> fields = new LinkedHashMap<>();
    for (int i = 0; i < nameAndKind.length; i += 2) {
      fields.put((String) nameAndKind[i], (Kind) nameAndKind[i + 1]);
    }
    return Map.copyOf(fields);
  }
}
