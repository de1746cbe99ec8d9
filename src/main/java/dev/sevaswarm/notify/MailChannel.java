package dev.sevaswarm.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a message by e-mail, UTF-8 throughout so Japanese text arrives intact. */
@Component
public class MailChannel {

  private final JavaMailSender sender;
  private final SwarmProperties properties;

  public MailChannel(JavaMailSender sender, SwarmProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  public void send(List<String> recipients, ComposedMessage message) {
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
      helper.setFrom(properties.mail().from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(message.subject());
      helper.setText(message.text(), false);
      sender.send(mime);
    } catch (MessagingException e) {
      throw new MailSendException("Could not build the mail '" + message.subject() + "'", e);
    }
  }
}
