package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.identity.TasklistFilters;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Words of each notification. The customer sees what the engineer wrote for them and nothing
 * internal; the team, sales and duty managers see the case facts and links into the app. The
 * HTML layout is the template {@code notify/message.html}.
 */
@Component
public class MessageComposer {

  /** The detail shown as the message's own text (a customer message's words). */
  public static final String MESSAGE = "message";

  /** The detail naming the people (user ids, comma-separated) a notification for them goes to. */
  public static final String PEOPLE = "people";

  /** The detail that promises the customer their next contact. */
  public static final String NEXT_UPDATE_BY = "nextUpdateBy";

  /** The detail that names the customer's engineer (the owner, in the customer's words). */
  public static final String YOUR_ENGINEER = "yourEngineer";

  /** The case's own facts, which every team message shows first (by key; their titles follow the language). */
  public static final List<String> CASE_FACTS = List.of("customer", "severity", "plan", "title", "businessImpact",
      "recoverBy", "firstResponseDue", "services");

  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

  private final SwarmProperties properties;
  private final TasklistFilters filters;
  private final CustomerWords customerWords;
  private final MessageSource messages;
  private final String template;
  private volatile String caseTasksFilter;

  public MessageComposer(SwarmProperties properties, TasklistFilters filters, CustomerWords customerWords,
      MessageSource messages) {
    this.messages = messages;
    this.properties = properties;
    this.filters = filters;
    this.customerWords = customerWords;
    try (InputStream in = MessageComposer.class.getResourceAsStream("/notify/message.html")) {
      this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The mail template notify/message.html is missing", e);
    }
  }

  public ComposedMessage compose(SupportCase c, NotificationEvent event, Audience audience, Map<String, String> details) {
    if (audience == Audience.CUSTOMER && customerWords != null) {
      return forCustomer(c, event, customerWords.of(c, event, details));
    }
    Locale team = properties.team().locale();
    String headline = messages.getMessage("team.event." + event.name(), null, event.headline(), team);
    String subject = "[" + c.caseId() + "][Sev " + c.severity() + "] " + headline + ": " + c.title();
    String message = details.getOrDefault(MESSAGE, "");
    List<Fact> facts = new ArrayList<>();
    boolean customer = audience == Audience.CUSTOMER;
    if (!customer) {
      List<String> values = Arrays.asList(c.customer(), "Sev " + c.severity(), c.plan().name(), c.title(),
          c.businessImpact(), teamTime(c.recoverBy()), teamTime(c.firstResponseDue()), String.join(", ", c.services()));
      for (int i = 0; i < CASE_FACTS.size(); i++) {
        add(facts, title(CASE_FACTS.get(i)), values.get(i), CASE_FACTS.get(i));
      }
    }
    details.forEach((key, value) -> {
      String title = title(key);
      if (!key.equals(MESSAGE) && !key.equals(PEOPLE) && !key.equals(Delivery.VIA)
          && facts.stream().noneMatch(f -> f.title().equalsIgnoreCase(title) || f.key().equals(key))) {
        boolean zoned = value != null && properties.team().outsideUtc() && DATE_TIME.matcher(value).matches();
        add(facts, title, zoned ? Times.parse(value).map(this::teamTime).orElse(value) : value, key);
      }
    });
    if (customer) {
      add(facts, "Your case reference", c.caseId());
    }
    String caseLink = caseLink(c.caseId());
    String tasklistLink = tasklistLink(c.caseId());
    String greeting = customer ? "Dear " + c.contactName() + "," : null;
    return new ComposedMessage(subject, headline,
        text(c, event, greeting, message, facts, customer ? null : tasklistLink),
        html(subject, c, event.headline(), greeting, message, facts, customer ? null : tasklistLink,
            customer ? null : caseLink),
        List.copyOf(facts), caseLink, tasklistLink);
  }

  /** A customer's message: their language, their zone, no internal links. */
  private ComposedMessage forCustomer(SupportCase c, NotificationEvent event, CustomerWords.Words words) {
    return new ComposedMessage(words.subject(), words.headline(),
        text(c, event, words.greeting(), words.text(), words.facts(), null),
        html(words.subject(), c, words.headline(), words.greeting(), words.text(), words.facts(), null, null),
        List.copyOf(words.facts()), caseLink(c.caseId()), tasklistLink(c.caseId()));
  }

  /** The case in this application. */
  public String caseLink(String caseId) {
    return properties.publicUrl() + "/api/cases/" + caseId;
  }

  /** The case's tasks in Tasklist, in the filter that holds every task the person may see. */
  public String tasklistLink(String caseId) {
    return properties.publicUrl() + tasklistPath(caseId);
  }

  /** The same, as a path on this server (for the board's own pages). */
  public String tasklistPath(String caseId) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + caseId + "\"}]";
    if (caseTasksFilter == null) {
      caseTasksFilter = filters.caseTasksFilterId().orElse(null);
    }
    return "/camunda/app/tasklist/default/#/?"
        + (caseTasksFilter == null ? "" : "filter=" + caseTasksFilter + "&")
        + "searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static String text(SupportCase c, NotificationEvent event, String greeting, String message, List<Fact> facts,
      String tasklistLink) {
    StringBuilder text = new StringBuilder();
    if (greeting != null) {
      text.append(greeting).append("\n\n");
    } else {
      text.append(event.headline()).append(" — ").append(c.caseId()).append(", Sev ").append(c.severity())
          .append("\n\n");
    }
    if (!message.isBlank()) {
      text.append(message.strip()).append("\n\n");
    }
    facts.forEach(f -> text.append(f.title()).append(": ").append(f.value()).append('\n'));
    if (tasklistLink != null) {
      text.append("\nOpen the case's tasks: ").append(tasklistLink).append('\n');
    }
    return text.toString();
  }

  private String html(String subject, SupportCase c, String headline, String greeting, String message,
      List<Fact> facts, String tasklistLink, String caseLink) {
    StringBuilder rows = new StringBuilder();
    for (Fact fact : facts) {
      rows.append("    <tr><th align=\"left\" style=\"color:#57606a;font-weight:600;vertical-align:top\">")
          .append(escape(fact.title())).append("</th><td>").append(escape(fact.value())).append("</td></tr>\n");
    }
    StringBuilder body = new StringBuilder();
    if (greeting != null) {
      body.append("<p>").append(escape(greeting)).append("</p>");
    }
    if (!message.isBlank()) {
      body.append("<p style=\"white-space: pre-wrap;\">").append(escape(message.strip())).append("</p>");
    }
    StringBuilder links = new StringBuilder();
    if (tasklistLink != null) {
      links.append("<p><a href=\"").append(escape(tasklistLink)).append("\">Open the case's tasks in Tasklist</a>");
      links.append(" · <a href=\"").append(escape(caseLink)).append("\">The case</a></p>");
    }
    return template
        .replace("{{subject}}", escape(subject))
        .replace("{{headline}}", escape(headline))
        .replace("{{caseLine}}", escape(c.caseId() + " · Sev " + c.severity() + " · " + c.customer() + " · " + c.title()))
        .replace("{{message}}", body.toString())
        .replace("{{facts}}", rows.toString())
        .replace("{{links}}", links.toString());
  }

  private static void add(List<Fact> facts, String title, String value) {
    add(facts, title, value, title);
  }

  private static void add(List<Fact> facts, String title, String value, String key) {
    if (value != null && !value.isBlank()) {
      facts.add(new Fact(title, value, key));
    }
  }

  private static String escape(String value) {
    return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
  }

  /** A word of the team's messages (the bundle's key, in the team's language). */
  public String teamWord(String key, Object... args) {
    return messages.getMessage(key, args.length == 0 ? null : args, properties.team().locale());
  }

  /** A fact's title in the team's language (the bundle's team.fact.<key>, else the key spelled out). */
  private String title(String key) {
    return messages.getMessage("team.fact." + key, null, label(key), properties.team().locale());
  }

  /**
   * A time as the team reads it: ISO-8601 UTC for a team in UTC (as the API writes it); in the team's
   * zone and language, zone named, with UTC alongside, for a team elsewhere.
   */
  public String teamTime(OffsetDateTime at) {
    if (at == null || !properties.team().outsideUtc()) {
      return CaseClock.format(at);
    }
    Locale team = properties.team().locale();
    DateTimeFormatter local = DateTimeFormatter.ofPattern(
        messages.getMessage("customer.time.pattern", null, team), team);
    return at.atZoneSameInstant(properties.team().timeZone()).format(local) + " · " + CaseClock.format(at);
  }

  private static String label(String key) {
    StringBuilder label = new StringBuilder();
    for (char ch : key.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        label.append(' ').append(Character.toLowerCase(ch));
      } else {
        label.append(label.isEmpty() ? Character.toUpperCase(ch) : ch);
      }
    }
    return label.toString();
  }
}
