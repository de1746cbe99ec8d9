package dev.sevaswarm.board;

import dev.sevaswarm.audit.AuditReads;
import dev.sevaswarm.audit.AuditTrail;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.DisplayNames;
import dev.sevaswarm.identity.Roles;
import dev.sevaswarm.identity.WebappLogin;
import dev.sevaswarm.intake.CaseQueries;
import dev.sevaswarm.intake.CaseView;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.people.Contributions;
import dev.sevaswarm.people.Invitations;
import dev.sevaswarm.people.Profiles;
import dev.sevaswarm.people.Ranking;
import dev.sevaswarm.people.Suggestions;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case board for people in the room: open cases by urgency with a live countdown, each case's
 * thread and SLA facts, and the SLA report. Behind the Camunda webapps' login.
 */
@Controller
public class BoardController {

  private static final int BOARD_LIMIT = 500;

  private final CaseRepository cases;
  private final MessageSource messages;
  private final CaseQueries queries;
  private final MessageComposer links;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditTrail trail;
  private final AuditReads reads;
  private final Invitations invitations;
  private final Suggestions suggestions;
  private final Profiles profiles;
  private final Contributions contributions;

  public BoardController(CaseRepository cases, CaseQueries queries, MessageComposer links, RuntimeService runtime,
      IdentityService identity, AuditTrail trail, AuditReads reads, Invitations invitations, Suggestions suggestions,
      Profiles profiles, Contributions contributions, MessageSource messages) {
    this.messages = messages;
    this.suggestions = suggestions;
    this.profiles = profiles;
    this.contributions = contributions;
    this.trail = trail;
    this.reads = reads;
    this.cases = cases;
    this.queries = queries;
    this.links = links;
    this.runtime = runtime;
    this.identity = identity;
    this.invitations = invitations;
  }

  @GetMapping("/board")
  public String board(HttpServletRequest request, Model model) {
    return forReader(request, model, () -> board(model));
  }

  private String board(Model model) {
    List<BoardRow> rows = Caller.asSystem(identity, () -> cases.notClosed(BOARD_LIMIT).stream()
        .map(c -> row(c, queries.view(c, CaseQueries.Detail.INVESTIGATION)))
        .sorted(Comparator.comparing(BoardRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BoardRow::severity))
        .toList());
    model.addAttribute("rows", rows);
    return "board/board";
  }

  @GetMapping("/board/cases/{caseId}")
  public String casePage(@PathVariable String caseId, HttpServletRequest request, Model model) {
    return forReader(request, model, () -> room(caseId, request, model));
  }

  /** Everyone's display name by user id (a team, not a directory: a few hundred people at most). */
  private Map<String, String> people() {
    Map<String, String> names = new TreeMap<>();
    for (User user : identity.createUserQuery().list()) {
      names.put(user.getId(), DisplayNames.of(user));
    }
    return names;
  }

  private String room(String caseId, HttpServletRequest request, Model model) {
    SupportCase supportCase = cases.find(caseId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId));
    CaseView view = Caller.asSystem(identity, () -> queries.view(supportCase, CaseQueries.Detail.FULL));
    List<String> swarms = Caller.asSystem(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId).processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list()
        .stream().map(ProcessInstance::getId).toList());
    model.addAttribute("c", view);
    // the room: names instead of user ids, who may set the next action, the areas one may join
    model.addAttribute("people", Caller.asSystem(identity, this::people));
    Caller viewer = WebappLogin.of(request).orElseThrow();
    model.addAttribute("mayComment", viewer.inAnyOf(Roles.CASE_WORKERS));
    boolean ownerOrManager = viewer.userId().equals(view.owner())
        || viewer.inAnyOf(List.of(Playbook.Group.DUTY_MANAGERS, Playbook.Group.CAMUNDA_ADMIN));
    model.addAttribute("maySetNextAction", ownerOrManager);
    model.addAttribute("mayMarkHelpful", ownerOrManager);
    model.addAttribute("viewer", viewer.userId());
    model.addAttribute("areas", Playbook.Group.AREAS);
    model.addAttribute("kindWords", kindWords());
    model.addAttribute("mayAudit", viewer.inAnyOf(Roles.AUDIT_READERS));
    model.addAttribute("tasklist", links.tasklistPath(caseId));
    model.addAttribute("cockpit", "/camunda/app/cockpit/default/#/process-instance/" + supportCase.processInstanceId()
        + "/runtime");
    model.addAttribute("running", swarms);
    model.addAttribute("invitations", invitations.ofCase(caseId));
    model.addAttribute("whoToAsk", Caller.asSystem(identity, () -> suggestions.byArea(caseId)));
    return "board/case";
  }

  /** Who is who in the swarm: profiles (duty managers edit them here) and what each one gave. */
  @GetMapping("/board/people")
  public String people(HttpServletRequest request, Model model) {
    return forReader(request, model, () -> {
      Caller viewer = WebappLogin.of(request).orElseThrow();
      if (!viewer.inAnyOf(Roles.SWARM_AND_AUDITORS)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "People's profiles are for the swarm");
      }
      java.time.ZonedDateTime now = dev.sevaswarm.cases.CaseClock.now().toZonedDateTime();
      List<Map<String, Object>> rows = Caller.asSystem(identity, () -> profiles.all().stream().map(p -> {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("profile", p);
        row.put("name", DisplayNames.of(identity, p.userId()));
        row.put("onShift", Ranking.onShift(p, now));
        row.put("skills", new TreeMap<>(p.skills()));
        row.put("days", p.workingHours().days().stream().sorted().map(d -> d.name().substring(0, 3)).toList());
        row.put("credit", contributions.of(p.userId()));
        return row;
      }).toList());
      model.addAttribute("rows", rows);
      model.addAttribute("areas", Playbook.Group.AREAS);
      model.addAttribute("mayEdit", viewer.inAnyOf(List.of(Playbook.Group.DUTY_MANAGERS, Playbook.Group.CAMUNDA_ADMIN)));
      return "board/people";
    });
  }

  /** What one person gave the swarm, month by month. */
  @GetMapping("/board/people/{userId}")
  public String person(@PathVariable String userId, HttpServletRequest request, Model model) {
    return forReader(request, model, () -> {
      if (!WebappLogin.of(request).orElseThrow().inAnyOf(Roles.SWARM_AND_AUDITORS)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "People's credit is for the swarm");
      }
      if (Caller.asSystem(identity, () -> identity.createUserQuery().userId(userId).count()) == 0) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + userId);
      }
      model.addAttribute("name", Caller.asSystem(identity, () -> DisplayNames.of(identity, userId)));
      model.addAttribute("credit", contributions.of(userId));
      model.addAttribute("profile", profiles.of(userId).orElse(null));
      return "board/person";
    });
  }

  /** An invitation to investigate an area, where its mail leads: the invitee accepts or declines it here. */
  @GetMapping("/board/invitations/{id}")
  public String invitationPage(@PathVariable String id, HttpServletRequest request, Model model) {
    return forReader(request, model, () -> {
      Invitations.Invitation invitation = invitations.find(id)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No invitation " + id));
      SupportCase supportCase = cases.find(invitation.caseId())
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + invitation.caseId()));
      Caller viewer = WebappLogin.of(request).orElseThrow();
      model.addAttribute("invitation", invitation);
      model.addAttribute("c", supportCase);
      model.addAttribute("mine", viewer.userId().equals(invitation.userId()));
      model.addAttribute("invitee", Caller.asSystem(identity, () -> DisplayNames.of(identity, invitation.userId())));
      return "board/invitation";
    });
  }

  /** A case's audit trail in words a person reads, for auditors, duty managers and admins. */
  @GetMapping("/board/cases/{caseId}/audit")
  public String auditPage(@PathVariable String caseId, HttpServletRequest request, Model model) {
    return forReader(request, model, () -> {
      Caller viewer = WebappLogin.of(request).orElseThrow();
      if (!viewer.inAnyOf(Roles.AUDIT_READERS)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only auditors, duty managers and admins read audits");
      }
      String id = cases.find(caseId)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId)).caseId();
      reads.record(id, viewer.userId(), "page");
      model.addAttribute("caseId", id);
      model.addAttribute("entries", Caller.asSystem(identity, () -> trail.of(id)));
      model.addAttribute("people", Caller.asSystem(identity, this::people));
      return "board/audit";
    });
  }

  @GetMapping("/board/sla")
  public String sla(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletRequest request, Model model) {
    return forReader(request, model, () -> sla(from, to, model));
  }

  private String sla(LocalDate from, LocalDate to, Model model) {
    LocalDate until = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
    LocalDate since = from == null ? until.minusDays(30) : from;
    OffsetDateTime start = since.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = until.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    model.addAttribute("report", SlaReport.of(start, end, cases.openedBetween(start, end)));
    model.addAttribute("from", since);
    model.addAttribute("to", until);
    return "board/sla";
  }

  /** A page for someone logged in to the webapps whose groups may read cases; others log in first. */
  private String forReader(HttpServletRequest request, Model model, Supplier<String> page) {
    Optional<Caller> caller = WebappLogin.of(request);
    if (caller.isEmpty()) {
      return "redirect:" + WebappLogin.LOGIN_PAGE;
    }
    if (!caller.get().inAnyOf(Roles.readers())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your groups do not allow you to read cases");
    }
    model.addAttribute("user", caller.get().userId());
    // times in the viewer's own zone: their profile's where they keep one, else their browser's
    model.addAttribute("viewerZone", profiles.of(caller.get().userId()).map(p -> p.timeZone().getId()).orElse(null));
    return page.get();
  }

  private static BoardRow row(SupportCase c, CaseView view) {
    boolean responded = c.firstResponseAt() != null;
    OffsetDateTime deadline = responded ? view.nextContactAt() : c.firstResponseDue();
    String label = responded ? "next customer contact" : "first response";
    List<String> areas = view.areas().stream()
        .map(a -> a.area() + ": " + (a.verdict() != null ? a.verdict() : a.state())).toList();
    return new BoardRow(c.caseId(), view.severity(), c.customer(), c.title(), view.owner(), c.status().name(),
        deadline, label, areas);
  }

  /** What each kind of thread entry is called in the reader's language. */
  private Map<String, String> kindWords() {
    Map<String, String> words = new LinkedHashMap<>();
    for (ThreadKind kind : ThreadKind.values()) {
      words.put(kind.name(), messages.getMessage("kind." + kind.name(), null, kind.name(),
          LocaleContextHolder.getLocale()));
    }
    return words;
  }
}
