package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CustomerLocale;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.identity.DisplayNames;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the customer reads, in their language and time zone: the message bundles' words, times in
 * their zone with the zone named ("2026年11月29日 08:45 (JST)"), and the engineer's name instead of a
 * user id. The subject keeps the case id, so mail clients thread the conversation.
 */
@Component
public class CustomerWords {

  /** A customer message, ready to lay out. */
  public record Words(String subject, String headline, String greeting, String text, List<Fact> facts) {}

  /** Events whose body is what the engineer wrote for the customer. */
  private static final Set<NotificationEvent> WRITTEN = Set.of(NotificationEvent.FIRST_RESPONSE,
      NotificationEvent.CUSTOMER_UPDATE);

  private final MessageSource messages;
  private final CaseRepository cases;
  private final IdentityService identity;
  private final SwarmProperties properties;

  public CustomerWords(MessageSource messages, CaseRepository cases, IdentityService identity,
      SwarmProperties properties) {
    this.messages = messages;
    this.cases = cases;
    this.identity = identity;
    this.properties = properties;
  }

  public Words of(SupportCase c, NotificationEvent event, Map<String, String> details) {
    CustomerLocale to = cases.customerLocale(c.caseId(), properties.customer().defaultLocale(),
        properties.customer().defaultTimeZone());
    java.util.Locale locale = to.locale();
    String headline = messages.getMessage("customer.event." + event.name(), null, event.headline(), locale);
    String text = WRITTEN.contains(event) ? details.getOrDefault(MessageComposer.MESSAGE, "")
        : messages.getMessage("customer.text." + event.name(), new Object[] {c.plan().name(), c.severity().name()},
            details.getOrDefault(MessageComposer.MESSAGE, ""), locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.getMessage("customer.time.pattern", null, locale),
        locale);
    List<Fact> facts = new ArrayList<>();
    details.forEach((key, value) -> {
      if (value == null || value.isBlank()) {
        return;
      }
      switch (key) {
        case MessageComposer.NEXT_UPDATE_BY -> Times.parse(value).ifPresent(at -> facts.add(new Fact(
            messages.getMessage("customer.nextUpdateBy", null, locale), at.atZoneSameInstant(to.zone()).format(time))));
        case MessageComposer.YOUR_ENGINEER, Var.OWNER -> facts.add(new Fact(messages.getMessage("customer.yourEngineer", null, locale),
            DisplayNames.of(identity, value)));
        case Var.ROOT_CAUSE -> facts.add(new Fact(messages.getMessage("customer.rootCause", null, locale), value));
        case Var.RESOLUTION -> facts.add(new Fact(messages.getMessage("customer.resolution", null, locale), value));
        default -> { }
      }
    });
    facts.add(new Fact(messages.getMessage("customer.reference", null, locale), c.caseId()));
    String subject = "[" + c.caseId() + "][Sev " + c.severity() + "] " + headline + ": " + c.title();
    return new Words(subject, headline, messages.getMessage("customer.greeting", new Object[] {c.contactName()}, locale),
        text, facts);
  }
}
