package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CustomerLocale;
import dev.sevaswarm.cases.EmailAddresses;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.cases.VariableLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks a request started from Tasklist's start form (the API checks its own before it starts
 * anything). A bad request fails the start, so the person sees every problem at once and no
 * half-made case is left behind.
 */
@Component("validateRequest")
public class ValidateRequestDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    for (String field : List.of(Var.CUSTOMER, Var.CONTACT_NAME, Var.CONTACT_EMAIL, Var.TITLE, Var.DESCRIPTION)) {
      if (text(execution, field).isEmpty()) {
        problems.add(field + ": must not be empty");
      }
    }
    String email = text(execution, Var.CONTACT_EMAIL);
    if (!email.isEmpty()) {
      EmailAddresses.problem(email).ifPresent(problem -> problems.add(Var.CONTACT_EMAIL + ": " + problem));
    }
    FieldLimits.MAX_LENGTH.forEach((field, max) -> {
      if (execution.getVariable(field) instanceof String value) {
        FieldLimits.problem(value, max).ifPresent(problem -> problems.add(field + ": " + problem));
      }
    });
    for (String field : List.of(Var.LOCALE, Var.TIME_ZONE)) {
      String value = text(execution, field);
      (field.equals(Var.LOCALE) ? CustomerLocale.languageProblem(value.isEmpty() ? null : value)
          : CustomerLocale.zoneProblem(value.isEmpty() ? null : value))
          .ifPresent(problem -> problems.add(field + ": " + problem));
    }
    normaliseEnum(execution, Var.SEVERITY, Severity.class, problems);
    normaliseEnum(execution, Var.PLAN, SupportPlan.class, problems);
    try {
      setIfChanged(execution, Var.RECOVER_BY,
          Times.parseUsable(execution.getVariable(Var.RECOVER_BY)).map(CaseClock::format).orElse(null));
    } catch (IllegalArgumentException e) {
      problems.add(Var.RECOVER_BY + ": " + e.getMessage());
    }
    try {
      List<String> services = VariableLists.strings(execution.getVariable(Var.SERVICES));
      if (services.size() > FieldLimits.SERVICES) {
        problems.add(Var.SERVICES + ": at most " + FieldLimits.SERVICES + " services");
      }
      services.stream().map(service -> FieldLimits.problem(service, FieldLimits.SERVICE)).flatMap(Optional::stream)
          .findFirst().ifPresent(problem -> problems.add(Var.SERVICES + ": each " + problem));
    } catch (RuntimeException e) {
      problems.add(Var.SERVICES + ": must be a list of service names");
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("The support request is not valid: " + String.join("; ", problems));
    }
  }

  private static <E extends Enum<E>> void normaliseEnum(DelegateExecution execution, String field, Class<E> type,
      List<String> problems) {
    String value = text(execution, field).toUpperCase(Locale.ROOT);
    try {
      setIfChanged(execution, field, Enum.valueOf(type, value).name());
    } catch (IllegalArgumentException e) {
      problems.add(field + ": must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A request that is already in normal form (as the API sends it) costs no variable updates. */
  private static void setIfChanged(DelegateExecution execution, String field, Object value) {
    if (!Objects.equals(execution.getVariable(field), value)) {
      execution.setVariable(field, value);
    }
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null ? "" : value.toString().trim();
  }
}
