package dev.sevaswarm.identity;

import static dev.sevaswarm.cases.Playbook.Group.DUTY_MANAGERS;

import dev.sevaswarm.cases.Playbook.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** Saved Tasklist filters, so that each person lands on the list that matters to them. */
@Component
public class TasklistFilters {

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  /** The filter the links into Tasklist use: every task the person may see, narrowed to one case by the link. */
  public static final String CASE_TASKS = "Tasks of a case";

  void setUp() {
    // a Sev A waiting for an owner is the first thing the rotation sees after logging in
    filter("Sev A cases to take", -10, "#e67e22", "Cases waiting for an owner: new ones, and ones handed over",
        tasks.createTaskQuery().taskDefinitionKeyIn(Task.TAKE_OWNERSHIP, Task.HANDLE_CASE, Task.TAKE_OVER)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        Roles.TASK_WORKERS);
    filter("My Sev A cases", -5, "#c0392b", "Tasks of the cases I own",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Roles.TASK_WORKERS);
    filter("Investigations for my area", 0, "#2980b9", "Isolation areas offered to my groups",
        tasks.createTaskQuery().taskDefinitionKey(Task.INVESTIGATE_AREA)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        Roles.TASK_WORKERS);
    // duty managers land on the escalations (the engineers' filters come after for them)
    filter("Escalations", -20, "#8e44ad", "Escalated cases waiting for a duty manager's decision",
        tasks.createTaskQuery().taskDefinitionKey(Task.HANDLE_ESCALATION).taskCandidateGroup(DUTY_MANAGERS)
            .includeAssignedTasks(),
        List.of(DUTY_MANAGERS));
    filter(CASE_TASKS, 20, "#57606a", "Every task I may see; the links from the board, cards and mails narrow it "
        + "to one case", tasks.createTaskQuery(), Roles.TASK_WORKERS);
  }

  /** The id of the filter that links to a case's tasks use, once the filters exist. */
  public java.util.Optional<String> caseTasksFilterId() {
    return java.util.Optional.ofNullable(filters.createFilterQuery().filterName(CASE_TASKS).singleResult())
        .map(Filter::getId);
  }

  private void filter(String name, int priority, String color, String description, TaskQuery query,
      List<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter != null && (!Integer.valueOf(priority).equals(filter.getProperties().get("priority"))
        || !description.equals(filter.getProperties().get("description")))) {
      // an earlier version ordered the filters differently, or asked for other tasks (its words say which)
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("priority", priority);
      properties.put("description", description);
      filter.setProperties(properties);
      filter.setQuery(query);
      filters.saveFilter(filter);
    }
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setQuery(query);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", variables());
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
    for (String group : readers) {
      boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
      if (!granted) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }

  private static List<Map<String, String>> variables() {
    List<Map<String, String>> variables = new ArrayList<>();
    variables.add(Map.of("name", "caseId", "label", "Case"));
    variables.add(Map.of("name", "severity", "label", "Severity"));
    variables.add(Map.of("name", "customer", "label", "Customer"));
    variables.add(Map.of("name", "area", "label", "Area"));
    variables.add(Map.of("name", "firstResponseDue", "label", "First response due"));
    return variables;
  }
}
