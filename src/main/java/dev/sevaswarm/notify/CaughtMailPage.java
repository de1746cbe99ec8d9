package dev.sevaswarm.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.identity.Roles;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo run's outbox: every mail the embedded SMTP sink caught, newest first, so a newcomer
 * sees exactly what would have been sent. For administrators and process owners (HTTP Basic).
 */
@RestController
@ConditionalOnProperty(name = "swarm.mail.embedded", havingValue = "true")
public class CaughtMailPage {

  private final GreenMail smtp;
  private final IdentityService identity;

  public CaughtMailPage(GreenMail smtp, IdentityService identity) {
    this.smtp = smtp;
    this.identity = identity;
  }

  @GetMapping(path = "/mail", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String caughtMail() throws MessagingException, IOException {
    if (!Caller.current(identity).inAnyOf(Roles.PLAYBOOK_OWNERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators and process owners read caught mail");
    }
    MimeMessage[] messages = smtp.getReceivedMessages();
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Caught mail · Sev A Swarm</title>
        <style>body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:960px;margin:24px auto;color:#1f2328}
        article{border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0}
        h2{font-size:16px;margin:0 0 6px 0}.meta{color:#57606a;font-size:13px}
        pre{white-space:pre-wrap;font-family:inherit;font-size:14px}</style></head><body>
        <h1>Caught mail</h1>
        <p class="meta">The embedded SMTP sink of the demo run caught these; nothing left this machine.</p>
        """);
    html.append("<p class=\"meta\">").append(messages.length).append(" message(s), newest first</p>");
    // the sink keeps mail by mailbox: order it by when it arrived
    java.util.List<MimeMessage> newestFirst = new java.util.ArrayList<>(Arrays.asList(messages));
    newestFirst.sort(java.util.Comparator.comparing(CaughtMailPage::arrived).reversed());
    for (MimeMessage message : newestFirst) {
      html.append("<article><h2>").append(escape(message.getSubject())).append("</h2><div class=\"meta\">")
          .append("To ").append(escape(addresses(message.getAllRecipients())))
          .append(" · from ").append(escape(addresses(message.getFrom())))
          .append(message.getSentDate() == null ? "" : " · " + escape(message.getSentDate().toInstant().toString()))
          .append("</div><pre>").append(escape(text(message))).append("</pre></article>");
    }
    return html.append("</body></html>").toString();
  }

  private static java.util.Date arrived(MimeMessage message) {
    try {
      java.util.Date received = message.getReceivedDate();
      return received != null ? received : message.getSentDate() != null ? message.getSentDate() : new java.util.Date(0);
    } catch (MessagingException unreadable) {
      return new java.util.Date(0);
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
      return null;
    }
    return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String escape(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
  }
}
