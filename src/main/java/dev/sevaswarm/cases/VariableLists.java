package dev.sevaswarm.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a list variable however it arrived: Tasklist's Camunda Forms submit a checklist as a
 * {@code Json} variable, Java callers pass a collection, and a hand-written variable may be a
 * JSON array text or a comma-separated string.
 */
public final class VariableLists {

  private VariableLists() {}

  public static List<String> strings(Object value) {
    Set<String> result = new LinkedHashSet<>();
    if (value == null) {
      return List.of();
    }
    if (value instanceof SpinJsonNode json) {
      addJson(json, result);
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> add(String.valueOf(item), result));
    } else {
      String text = value.toString().trim();
      if (text.startsWith("[")) {
        addJson(Spin.JSON(text), result);
      } else {
        for (String part : text.split("[,\\n]")) {
          add(part, result);
        }
      }
    }
    return new ArrayList<>(result);
  }

  private static void addJson(SpinJsonNode json, Set<String> result) {
    if (json.isArray()) {
      json.elements().forEach(element -> add(element.isString() ? element.stringValue() : element.toString(), result));
    } else if (json.isString()) {
      add(json.stringValue(), result);
    } else {
      throw new IllegalArgumentException("expected a list, got " + json);
    }
  }

  private static void add(String item, Set<String> result) {
    String trimmed = item.trim();
    if (!trimmed.isEmpty()) {
      result.add(trimmed);
    }
  }
}
