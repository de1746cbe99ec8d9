package dev.sevaswarm.notify;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.ThreadKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Delivers one notification to one audience; runs in its own job, retried on failure. */
@Component("deliverNotification")
public class DeliverNotificationDelegate implements JavaDelegate {

  static final String MAIL = "mail";

  private final CaseRepository cases;
  private final MessageComposer composer;
  private final MailChannel mail;
  private final DeliveryLog log;
  private final CaseThread thread;
  private final SwarmProperties properties;
  private final IdentityService identity;

  public DeliverNotificationDelegate(CaseRepository cases, MessageComposer composer, MailChannel mail, DeliveryLog log,
      CaseThread thread, SwarmProperties properties, IdentityService identity) {
    this.cases = cases;
    this.composer = composer;
    this.mail = mail;
    this.log = log;
    this.thread = thread;
    this.properties = properties;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    NotificationEvent event = NotificationEvent.valueOf((String) execution.getVariable(Var.EVENT));
    Audience audience = Audience.valueOf((String) execution.getVariable(Var.AUDIENCE));
    String eventKey = (String) execution.getVariable(Var.EVENT_KEY);
    if (log.delivered(eventKey, audience, MAIL)) {
      return;
    }
    SupportCase supportCase = cases.find(caseId)
        .orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"));
    List<String> recipients = recipients(audience, supportCase);
    if (recipients.isEmpty()) {
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NOTIFICATION, event + ": no e-mail address for " + audience);
      return;
    }
    mail.send(recipients, composer.compose(supportCase, event, audience, details(execution)));
    log.record(caseId, eventKey, event, audience, MAIL, String.join(", ", recipients));
  }

  private List<String> recipients(Audience audience, SupportCase supportCase) {
    return switch (audience) {
      case TEAM -> addresses(properties.broadcast().teamEmail());
      case SALES -> addresses(properties.sales().email());
      case CUSTOMER -> List.of(supportCase.contactEmail());
      case DUTY_MANAGERS -> identity.createUserQuery().memberOfGroup(Playbook.Group.DUTY_MANAGERS).list().stream()
          .map(User::getEmail)
          .filter(email -> email != null && !email.isBlank())
          .toList();
    };
  }

  private static List<String> addresses(String configured) {
    if (configured == null || configured.isBlank()) {
      return List.of();
    }
    return List.of(configured.split("\\s*[,;]\\s*"));
  }

  private static Map<String, String> details(DelegateExecution execution) {
    Map<String, String> details = new LinkedHashMap<>();
    Object raw = execution.getVariable(Var.DETAILS);
    if (raw != null) {
      SpinJsonNode json = Spin.JSON(raw.toString());
      json.fieldNames().forEach(name -> {
        SpinJsonNode value = json.prop(name);
        details.put(name, value.isNull() ? null : value.isString() ? value.stringValue() : value.toString());
      });
    }
    return details;
  }
}
