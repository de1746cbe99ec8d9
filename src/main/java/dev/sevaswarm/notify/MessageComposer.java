package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.SupportCase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Words of each notification. The customer sees what the engineer wrote for them and nothing
 * internal; the team, sales and duty managers see the case facts and links into the app.
 */
@Component
public class MessageComposer {

  private final SwarmProperties properties;

  public MessageComposer(SwarmProperties properties) {
    this.properties = properties;
  }

  public ComposedMessage compose(SupportCase c, NotificationEvent event, Audience audience, Map<String, String> details) {
    String subject = "[" + c.caseId() + "][Sev " + c.severity() + "] " + event.headline() + ": " + c.title();
    return new ComposedMessage(subject, audience == Audience.CUSTOMER ? forCustomer(c, details) : forTeam(c, event, details));
  }

  private String forCustomer(SupportCase c, Map<String, String> details) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(c.contactName()).append(",\n\n");
    String message = details.getOrDefault("message", "");
    if (!message.isBlank()) {
      text.append(message.strip()).append("\n\n");
    }
    details.forEach((key, value) -> {
      if (!key.equals("message") && value != null && !value.isBlank()) {
        text.append(label(key)).append(": ").append(value).append('\n');
      }
    });
    text.append("\nYour case reference: ").append(c.caseId()).append(" (").append(c.title()).append(")\n");
    return text.toString();
  }

  private String forTeam(SupportCase c, NotificationEvent event, Map<String, String> details) {
    StringBuilder text = new StringBuilder();
    text.append(event.headline()).append(" — ").append(c.caseId()).append(", Sev ").append(c.severity()).append("\n\n");
    line(text, "Customer", c.customer());
    line(text, "Plan", c.plan().name());
    line(text, "Title", c.title());
    line(text, "Business impact", c.businessImpact());
    line(text, "Recover by", CaseClock.format(c.recoverBy()));
    line(text, "First response due", CaseClock.format(c.firstResponseDue()));
    line(text, "Services", String.join(", ", c.services()));
    if (!details.isEmpty()) {
      text.append('\n');
      details.forEach((key, value) -> line(text, label(key), value));
    }
    text.append("\nOpen the case's tasks: ").append(tasklistLink(c.caseId())).append('\n');
    return text.toString();
  }

  public String tasklistLink(String caseId) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + caseId + "\"}]";
    return properties.publicUrl() + "/camunda/app/tasklist/default/#/?searchQuery="
        + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
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
