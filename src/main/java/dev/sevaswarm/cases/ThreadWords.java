package dev.sevaswarm.cases;

import java.util.Arrays;
import java.util.List;

/**
 * What the playbook says in a case thread, independent of language: a message key of the bundles
 * ({@code thread.*}) and its arguments (names, areas, people's own words, times as ISO-8601), shown
 * to each reader in their language.
 */
public record ThreadWords(String key, List<String> args) {

  public ThreadWords {
    args = List.copyOf(args);
  }

  public static ThreadWords of(String key, Object... args) {
    return new ThreadWords(key, Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
  }
}
