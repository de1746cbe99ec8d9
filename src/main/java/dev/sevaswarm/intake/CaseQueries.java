package dev.sevaswarm.intake;


import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseFindings;
import dev.sevaswarm.cases.CaseStatus;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Finding;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.intake.CaseView.AreaView;
import dev.sevaswarm.intake.CaseView.TimelineEntry;
import dev.sevaswarm.room.HelpfulMarks;
import dev.sevaswarm.room.Investigations;
import dev.sevaswarm.room.NextActions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Builds the API's view of a case from its intake record, the engine's history and the thread.
 * Called as the system: the API has already checked that the caller may read cases.
 */
@Service
public class CaseQueries {

  private final HistoryService history;
  private final TaskService tasks;
  private final CaseThread thread;
  private final CaseFindings findings;
  private final HelpfulMarks helpfulMarks;
  private final Investigations investigations;
  private final NextActions nextActions;
  private final MessageSource messages;

  public CaseQueries(HistoryService history, TaskService tasks, CaseThread thread, CaseFindings findings,
      Investigations investigations, NextActions nextActions, HelpfulMarks helpfulMarks, MessageSource messages) {
    this.messages = messages;
    this.helpfulMarks = helpfulMarks;
    this.investigations = investigations;
    this.nextActions = nextActions;
    this.history = history;
    this.tasks = tasks;
    this.thread = thread;
    this.findings = findings;
  }

  /** How much of a case a caller needs: lists want the summary, the board the areas, a case page all. */
  public enum Detail { SUMMARY, INVESTIGATION, FULL }

  public CaseView view(SupportCase c, Detail detail) {
    boolean investigation = detail != Detail.SUMMARY;
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(c.caseId())
        .processDefinitionKeyIn(Playbook.Process.SUPPORT_REQUEST, Playbook.Process.SEV_A_SWARM)
        .orderByProcessInstanceStartTime().asc().list();
    HistoricProcessInstance request = instances.stream()
        .filter(p -> p.getProcessDefinitionKey().equals(Playbook.Process.SUPPORT_REQUEST)).findFirst().orElse(null);
    HistoricProcessInstance runningSwarm = instances.stream()
        .filter(p -> p.getProcessDefinitionKey().equals(Playbook.Process.SEV_A_SWARM) && p.getEndTime() == null)
        .reduce((first, second) -> second).orElse(null);
    Map<String, Object> vars = variables(request, runningSwarm);

    List<Finding> caseFindings = investigation ? findings.of(c.caseId()) : List.of();
    return view(c, vars, investigation ? areas(c.caseId(), caseFindings) : List.of(), caseFindings,
        detail == Detail.FULL ? timeline(c.caseId()) : List.of(),
        investigation ? investigations.of(c.caseId()) : List.of(), nextActions.of(c.caseId()).orElse(null));
  }

  /**
   * The whole view of a case this request has just recorded: its process stands at the save point
   * after "Record case", so it has no owner, next contact, areas or findings yet to look up.
   */
  public CaseView justOpened(SupportCase c) {
    return view(c, Map.of(), List.of(), List.of(), timeline(c.caseId()), List.of(), null);
  }

  private static CaseView view(SupportCase c, Map<String, Object> vars, List<AreaView> areas,
      List<Finding> caseFindings, List<TimelineEntry> timeline, List<Investigations.Investigation> investigations,
      NextActions.NextAction nextAction) {
    boolean ended = c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED;
    return new CaseView(
        c.caseId(), c.externalId(), c.customer(), c.contactName(), c.contactEmail(),
        c.severity().name(), c.plan().name(),
        c.title(), c.description(), c.businessImpact(), c.recoverBy(), c.services(),
        c.status(), (String) vars.get(Var.OWNER), c.createdAt(),
        // a resolved case promises the customer no further contact, and has no next action
        c.firstResponseDue(), c.firstResponseAt(), c.slaMet(), ended ? null : time(vars.get(Var.NEXT_CONTACT_AT)),
        c.processInstanceId(), areas, caseFindings, timeline, investigations, ended ? null : nextAction);
  }

  /** The case-level variables; a running swarm's values are newer than its parent's copies. */
  private Map<String, Object> variables(HistoricProcessInstance request, HistoricProcessInstance swarm) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricProcessInstance instance : new HistoricProcessInstance[] {request, swarm}) {
      if (instance == null) {
        continue;
      }
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).list()) {
        if (instance.getId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
          vars.put(variable.getName(), variable.getValue());
        }
      }
    }
    return vars;
  }

  private List<AreaView> areas(String caseId, List<Finding> caseFindings) {
    List<AreaView> areas = new ArrayList<>();
    for (Finding finding : caseFindings) {
      areas.add(new AreaView(finding.area(), null, "DONE", finding.by(), finding.verdict().name()));
    }
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Playbook.Task.INVESTIGATE_AREA).orderByTaskCreateTime().asc().list()) {
      String group = tasks.getIdentityLinksForTask(task.getId()).stream()
          .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
      Object area = tasks.getVariableLocal(task.getId(), Var.AREA);
      areas.add(new AreaView(area == null ? null : area.toString(), group,
          task.getAssignee() == null ? "OPEN" : "IN_PROGRESS", task.getAssignee(), null));
    }
    return areas;
  }

  /** The thread, each entry in the reader's language (Accept-Language; English without it). */
  private List<TimelineEntry> timeline(String caseId) {
    java.util.Set<Long> helpful = helpfulMarks.of(caseId);
    java.util.Locale reader = LocaleContextHolder.getLocale();
    return thread.entries(caseId).stream()
        .map(e -> new TimelineEntry(e.id(), e.at(), e.actor(), e.kind().name(), e.text(messages, reader),
            helpful.contains(e.id())))
        .toList();
  }

  private static OffsetDateTime time(Object value) {
    try {
      return Times.parse(value).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
