package dev.sevaswarm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Playbook.Var;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms agree with the doors: a task form asks only for what its step may set, every text field
 * has the size the API and the database accept, and case text typed by customers or engineers is
 * shown as text (a disabled field), never rendered as Markdown where a link would be live.
 */
class PlaybookFormsTest {

  private static final Set<String> START_FORMS = Set.of("start-case", "volunteer-for-area");
  /** Values the playbook itself writes, which may be shown inside a text block. */
  private static final Set<String> SYSTEM_VALUES = Set.of(Var.CASE_ID, Var.SEVERITY, Var.FIRST_RESPONSE_DUE,
      Var.NEXT_CONTACT_AT, Var.ESCALATION_REASON, Var.OWNER);
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  private final ObjectMapper json = new ObjectMapper();

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  private JsonNode read(Path form) throws IOException {
    return json.readTree(form.toFile());
  }

  private static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void aTaskFormAsksForNothingThatBelongsToTheCase(Path form) throws IOException {
    JsonNode definition = read(form);
    if (START_FORMS.contains(definition.path("id").asText())) {
      return;
    }
    assertThat(TaskCompletionFields.inputKeys(definition)).doesNotContainAnyElementsOf(TaskCompletionFields.PROTECTED);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyTextFieldHasTheSizeTheApiAndTheDatabaseAccept(Path form) throws IOException {
    for (JsonNode component : components(read(form))) {
      String key = component.path("key").asText();
      boolean text = Set.of("textfield", "textarea").contains(component.path("type").asText());
      if (text && !component.path("disabled").asBoolean() && FieldLimits.MAX_LENGTH.containsKey(key)) {
        assertThat(component.path("validate").path("maxLength").asInt())
            .as(form.getFileName() + " " + key).isEqualTo(FieldLimits.MAX_LENGTH.get(key));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void textBlocksShowOnlyWhatThePlaybookWrites(Path form) throws IOException {
    for (JsonNode component : components(read(form))) {
      if (component.path("type").asText().equals("text")) {
        Matcher template = TEMPLATE.matcher(component.path("text").asText());
        while (template.find()) {
          assertThat(SYSTEM_VALUES).as(form.getFileName() + " shows {{" + template.group(1) + "}} as Markdown")
              .contains(template.group(1));
        }
      }
    }
  }
}
