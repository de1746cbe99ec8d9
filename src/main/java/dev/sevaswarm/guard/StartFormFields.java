package dev.sevaswarm.guard;

import static dev.sevaswarm.cases.Playbook.Var;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CustomerLocale;
import dev.sevaswarm.cases.EmailAddresses;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.cases.Volunteering;
import dev.sevaswarm.identity.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rule at the start-form door: starting a process through the engine REST API (Tasklist's
 * "Start process") may set only the fields its start form declares, each within the API's rules;
 * volunteering names a case that is being investigated. A refusal answers 4xx before the engine
 * does anything, so nothing is left half-made and no stack trace is logged for a person's mistake.
 */
@Component
public class StartFormFields {

  private final RepositoryService repository;
  private final FormService forms;
  private final IdentityService identity;
  private final CaseRepository cases;
  private final Volunteering volunteering;
  private final ObjectMapper json = new ObjectMapper();

  public StartFormFields(RepositoryService repository, FormService forms, IdentityService identity,
      CaseRepository cases, Volunteering volunteering) {
    this.repository = repository;
    this.forms = forms;
    this.identity = identity;
    this.cases = cases;
    this.volunteering = volunteering;
  }

  /** Why this start is refused, if it is; the definition by key (latest version) or by id. */
  public Optional<Refusal> check(String key, String definitionId, Map<String, Object> values) {
    return Caller.asSystem(identity, () -> {
      ProcessDefinition definition = definition(key, definitionId);
      if (definition == null) {
        return Optional.<Refusal>empty(); // the engine answers for an unknown process
      }
      Optional<Set<String>> fields = formFields(definition.getId());
      if (fields.isEmpty()) {
        return Optional.<Refusal>empty(); // no start form: nobody starts it from Tasklist
      }
      List<FieldProblem> problems = new ArrayList<>();
      values.forEach((name, value) -> {
        if (!fields.get().contains(name)) {
          problems.add(new FieldProblem(name, "is not a field of the start form; it takes only "
              + new TreeSet<>(fields.get())));
        } else {
          problem(name, value).ifPresent(message -> problems.add(new FieldProblem(name, message)));
        }
      });
      if (!problems.isEmpty()) {
        return Optional.of(Refusal.invalid("The start of " + definition.getKey() + " is refused", problems));
      }
      return Playbook.Process.VOLUNTEER_FOR_AREA.equals(definition.getKey()) ? caseToJoin(values.get(Var.CASE_ID))
          : Optional.<Refusal>empty();
    });
  }

  private ProcessDefinition definition(String key, String definitionId) {
    if (definitionId != null) {
      return repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    }
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
        .singleResult();
  }

  private Optional<Set<String>> formFields(String definitionId) {
    try (InputStream form = forms.getDeployedStartForm(definitionId)) {
      return Optional.of(TaskCompletionFields.inputKeys(json.readTree(form)));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private static Optional<String> problem(String name, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      return Var.SERVICES.equals(name) || Var.RECOVER_BY.equals(name) ? Optional.empty() : Optional.of("must be text");
    }
    if (Var.CONTACT_EMAIL.equals(name)) {
      return EmailAddresses.problem(text);
    }
    if (Var.LOCALE.equals(name)) {
      return CustomerLocale.languageProblem(text.isBlank() ? null : text);
    }
    if (Var.TIME_ZONE.equals(name)) {
      return CustomerLocale.zoneProblem(text.isBlank() ? null : text);
    }
    if (Var.RECOVER_BY.equals(name)) {
      try {
        Times.parseUsable(text);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    return FieldLimits.problem(text, FieldLimits.MAX_LENGTH.getOrDefault(name, FieldLimits.LONG_TEXT));
  }

  private Optional<Refusal> caseToJoin(Object caseId) {
    String id = caseId == null ? "" : caseId.toString().trim().toUpperCase(Locale.ROOT);
    if (id.isEmpty()) {
      return Optional.of(Refusal.invalid("Name the case to volunteer for",
          List.of(new FieldProblem(Var.CASE_ID, "must name a case, e.g. SW-1001"))));
    }
    if (cases.find(id).isEmpty()) {
      return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "No case " + id,
          List.of(new FieldProblem(Var.CASE_ID, "no such case"))));
    }
    if (volunteering.investigating(id).isEmpty()) {
      return Optional.of(new Refusal(HttpStatus.CONFLICT, "Case " + id + " has no investigation running to add an area to",
          List.of(new FieldProblem(Var.CASE_ID, "is not being investigated now"))));
    }
    return Optional.empty();
  }
}
