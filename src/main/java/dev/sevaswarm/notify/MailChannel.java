package dev.sevaswarm.notify;

import dev.sevaswarm.cases.Playbook;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail, multipart text and HTML, UTF-8 throughout so Japanese text arrives intact: the team
 * list, the account team, the customer's contact and the duty managers (from their user records).
 */
@Component
public class MailChannel implements Channel {

  public static final String NAME = "mail";

  private final JavaMailSender sender;
  private final SmtpConnections connections;
  private final SwarmProperties properties;
  private final IdentityService identity;

  public MailChannel(JavaMailSender sender, SmtpConnections connections, SwarmProperties properties,
      IdentityService identity) {
    this.sender = sender;
    this.connections = connections;
    this.properties = properties;
    this.identity = identity;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reaches(Audience audience) {
    return switch (audience) {
      case TEAM -> !SwarmProperties.blank(properties.broadcast().teamEmail());
      case SALES -> !SwarmProperties.blank(properties.sales().email());
      case CUSTOMER, DUTY_MANAGERS, PEOPLE -> true;
    };
  }

  @Override
  public String deliver(Delivery delivery) {
    List<String> recipients = recipients(delivery);
    if (recipients.isEmpty()) {
      return "nobody: no e-mail address for " + delivery.audience();
    }
    connections.send(mime(delivery, recipients));
    return String.join(", ", recipients);
  }

  @Override
  public void rehearse(Delivery delivery, String ownUrl) {
    try {
      mime(delivery, List.of(properties.mail().from())).writeTo(java.io.OutputStream.nullOutputStream());
      if (ownUrl != null && sender instanceof JavaMailSenderImpl server) {
        server.testConnection(); // connects and says goodbye, as the mail health check does
      }
    } catch (java.io.IOException | MessagingException e) {
      throw new MailSendException("Could not rehearse the mail '" + delivery.message().subject() + "'", e);
    }
  }

  private MimeMessage mime(Delivery delivery, List<String> recipients) {
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(properties.mail().from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(delivery.message().subject());
      helper.setText(delivery.message().text(), delivery.message().html());
      return mime;
    } catch (MessagingException e) {
      throw new MailSendException("Could not build the mail '" + delivery.message().subject() + "'", e);
    }
  }

  private List<String> recipients(Delivery delivery) {
    return switch (delivery.audience()) {
      case TEAM -> addresses(properties.broadcast().teamEmail());
      case SALES -> addresses(properties.sales().email());
      case CUSTOMER -> List.of(delivery.supportCase().contactEmail());
      case DUTY_MANAGERS -> identity.createUserQuery().memberOfGroup(Playbook.Group.DUTY_MANAGERS).list().stream()
          .map(User::getEmail)
          .filter(email -> email != null && !email.isBlank())
          .toList();
      case PEOPLE -> delivery.people().isEmpty() ? List.of() : identity.createUserQuery()
          .userIdIn(delivery.people().toArray(String[]::new)).list().stream()
          .map(User::getEmail)
          .filter(email -> email != null && !email.isBlank())
          .toList();
    };
  }

  private static List<String> addresses(String configured) {
    return SwarmProperties.blank(configured) ? List.of() : List.of(configured.trim().split("\\s*[,;]\\s*"));
  }
}
