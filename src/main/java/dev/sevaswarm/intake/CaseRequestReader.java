package dev.sevaswarm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CustomerLocale;
import dev.sevaswarm.cases.EmailAddresses;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.cases.Times;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads a case request field by field, so that every wrong type is reported (not just the first
 * one a JSON binder trips over), then applies the Bean Validation constraints of {@link CaseRequest}.
 */
@Component
public class CaseRequestReader {

  private static final List<String> FIELD_ORDER = Arrays.stream(CaseRequest.class.getRecordComponents())
      .map(component -> component.getName()).toList();

  private final Validator validator;

  public CaseRequestReader(Validator validator) {
    this.validator = validator;
  }

  public CaseRequest read(JsonNode body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(List.of(new FieldProblem("$", "the body must be a JSON object")));
    }
    Fields fields = new Fields(body, problems);
    CaseRequest request = new CaseRequest(
        fields.text("externalId"),
        fields.text("customer"),
        fields.text("contactName"),
        fields.text("contactEmail"),
        fields.choice("severity", Severity::valueOf, Severity.values()),
        fields.choice("plan", SupportPlan::valueOf, SupportPlan.values()),
        fields.text("title"),
        fields.text("description"),
        fields.text("businessImpact"),
        fields.time("recoverBy"),
        fields.texts("services"),
        fields.text("locale"),
        fields.text("timeZone"));
    fields.rules(request);
    for (ConstraintViolation<CaseRequest> violation : validator.validate(request)) {
      String field = violation.getPropertyPath().iterator().next().getName();
      if (problems.stream().noneMatch(p -> p.field().equals(field))) {
        problems.add(new FieldProblem(field, violation.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(p -> FIELD_ORDER.indexOf(p.field())));
      throw ApiException.invalid(problems);
    }
    return request;
  }

  private record Fields(JsonNode body, List<FieldProblem> problems) {

    /** The rules Bean Validation does not know: control characters, the e-mail rule, usable times. */
    void rules(CaseRequest request) {
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("externalId", request.externalId());
      texts.put("customer", request.customer());
      texts.put("contactName", request.contactName());
      texts.put("title", request.title());
      texts.put("description", request.description());
      texts.put("businessImpact", request.businessImpact());
      texts.forEach((name, text) -> FieldLimits.problem(text, Integer.MAX_VALUE)
          .ifPresent(problem -> add(name, problem)));
      if (request.contactEmail() != null && !request.contactEmail().isBlank()) {
        EmailAddresses.problem(request.contactEmail()).ifPresent(problem -> add("contactEmail", problem));
      }
      Times.problem(request.recoverBy()).ifPresent(problem -> add("recoverBy", problem));
      CustomerLocale.languageProblem(request.locale()).ifPresent(problem -> add("locale", problem));
      CustomerLocale.zoneProblem(request.timeZone()).ifPresent(problem -> add("timeZone", problem));
      if (request.services() != null) {
        request.services().stream().map(service -> FieldLimits.problem(service, Integer.MAX_VALUE))
            .flatMap(java.util.Optional::stream).findFirst().ifPresent(problem -> add("services", "each " + problem));
      }
    }

    private void add(String field, String message) {
      if (problems.stream().noneMatch(p -> p.field().equals(field))) {
        problems.add(new FieldProblem(field, message));
      }
    }

    String text(String name) {
      JsonNode node = body.get(name);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        problems.add(new FieldProblem(name, "must be a string"));
        return null;
      }
      return node.textValue();
    }

    <E extends Enum<E>> E choice(String name, Function<String, E> parse, E[] values) {
      String text = text(name);
      if (text == null) {
        return null;
      }
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(name, "must be one of " + Arrays.toString(values)));
        return null;
      }
    }

    OffsetDateTime time(String name) {
      String text = text(name);
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-28T09:00:00+09:00"));
        return null;
      }
    }

    List<String> texts(String name) {
      JsonNode node = body.get(name);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isArray()) {
        problems.add(new FieldProblem(name, "must be an array of strings"));
        return null;
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          problems.add(new FieldProblem(name, "must be an array of strings"));
          return null;
        }
        values.add(item.textValue());
      }
      return values;
    }
  }
}
