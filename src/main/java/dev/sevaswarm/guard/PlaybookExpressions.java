package dev.sevaswarm.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a diagram's expression may reach: process variables (and one property of a variable, such
 * as a decision result's {@code responseTimes.supported}), the variable methods of
 * {@code execution} and {@code task}, the playbook's own beans, and EL's operators. Anything else
 * (functions, brackets, other beans, methods called on a result) could reach engine services or
 * arbitrary Java, and a diagram is deployed by people who must not run code.
 */
final class PlaybookExpressions {

  /** What a name means in the application, and which members of it a diagram may use. */
  interface Beans {
    /** empty: not a bean (so a variable); a set: a playbook bean with these members; null set never */
    Optional<Set<String>> membersOf(String name);

    boolean isOtherBean(String name);
  }

  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  private static final Set<String> CONTEXTS = Set.of("execution", "task");
  private static final Set<String> CONTEXT_MEMBERS = Set.of("getVariable", "getVariableLocal", "hasVariable",
      "hasVariableLocal", "setVariable", "setVariableLocal", "processBusinessKey", "getProcessBusinessKey",
      "businessKey", "getBusinessKey");

  private PlaybookExpressions() {}

  /** The problem with a text holding {@code ${...}} or {@code #{...}} expressions, if any. */
  static Optional<String> problem(String text, Beans beans) {
    int from = 0;
    while (true) {
      int dollar = text.indexOf("${", from);
      int hash = text.indexOf("#{", from);
      int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
      if (start < 0) {
        return Optional.empty();
      }
      int end = closing(text, start + 2);
      if (end < 0) {
        return Optional.of("an expression is not closed: " + text);
      }
      Optional<String> problem = check(text.substring(start + 2, end), beans);
      if (problem.isPresent()) {
        return problem.map(p -> text.substring(start, end + 1) + " " + p);
      }
      from = end + 1;
    }
  }

  private static int closing(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private record Token(char kind, String text) {}

  private static List<Token> tokens(String body) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
          i++;
        }
        tokens.add(new Token('i', body.substring(start, i)));
      } else if (Character.isDigit(c)) {
        while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token('n', ""));
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          j += body.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add(new Token('s', ""));
        i = j + 1;
      } else {
        tokens.add(new Token(c, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }

  private static Optional<String> check(String body, Beans beans) {
    List<Token> tokens = tokens(body);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() == '[') {
        return Optional.of("uses [ ]: name a variable directly");
      }
      boolean member = i > 0 && tokens.get(i - 1).kind() == '.';
      if (token.kind() != 'i' || member || KEYWORDS.contains(token.text())) {
        continue;
      }
      String root = token.text();
      if (kind(tokens, i + 1) == '(' || (kind(tokens, i + 1) == ':' && kind(tokens, i + 2) == 'i'
          && kind(tokens, i + 3) == '(')) {
        return Optional.of("calls the function " + root + "(): diagrams call no functions");
      }
      List<String> members = new ArrayList<>();
      boolean called = false;
      int j = i + 1;
      while (kind(tokens, j) == '.' && kind(tokens, j + 1) == 'i') {
        if (called) {
          return Optional.of("uses a member of a call's result: " + root + "." + String.join(".", members));
        }
        members.add(tokens.get(j + 1).text());
        j += 2;
        if (kind(tokens, j) == '(') {
          called = true;
          j = matching(tokens, j) + 1;
        }
      }
      Optional<String> problem = chain(root, members, called, beans);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> chain(String root, List<String> members, boolean called, Beans beans) {
    Function<String, Optional<String>> tooDeep = what -> Optional.of("reaches past " + what + ": " + root + "."
        + String.join(".", members));
    if (CONTEXTS.contains(root)) {
      if (members.size() > 1) {
        return tooDeep.apply(root);
      }
      return members.isEmpty() || CONTEXT_MEMBERS.contains(members.get(0)) ? Optional.empty()
          : Optional.of("uses " + root + "." + members.get(0) + ": only its variables may be used");
    }
    Optional<Set<String>> playbookBean = beans.membersOf(root);
    if (playbookBean.isPresent()) {
      if (members.size() > 1) {
        return tooDeep.apply(root);
      }
      return members.isEmpty() || playbookBean.get().contains(members.get(0)) ? Optional.empty()
          : Optional.of("uses " + root + "." + members.get(0) + ", which the playbook bean does not offer");
    }
    if (beans.isOtherBean(root)) {
      return Optional.of("reaches the application's bean '" + root + "', which is not part of the playbook");
    }
    if (members.isEmpty()) {
      return Optional.empty();
    }
    if (members.size() > 1 || called || members.get(0).equals("class")) {
      return Optional.of("calls into the variable " + root + ": only a variable or one of its properties may be used");
    }
    return Optional.empty();
  }

  private static char kind(List<Token> tokens, int index) {
    return index < tokens.size() ? tokens.get(index).kind() : 0;
  }

  private static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      char kind = tokens.get(i).kind();
      depth += kind == '(' ? 1 : kind == ')' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }
}
