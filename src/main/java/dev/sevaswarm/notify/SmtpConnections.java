package dev.sevaswarm.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends mail over a connection kept open per sending thread, instead of one connection per mail.
 * A mail sent through {@link JavaMailSender#send} pays for the connection, the server's greeting,
 * EHLO (and STARTTLS and AUTH on a real server) and QUIT every time; on a busy day the job threads
 * spent most of a mail's time waiting for those answers (docs/BENCHMARKS.md). A kept connection is
 * asked whether it is still there (NOOP) before each mail, and replaced when it is not, so a server
 * that dropped an idle connection costs one reconnect, not a failed delivery. A connection idle for
 * more than a minute is not asked but replaced: a firewall may have forgotten it silently, and a
 * NOOP into a forgotten connection waits for the read timeout. A mail that fails on a live
 * connection fails as before (its delivery is retried); the connection is closed.
 *
 * <p>A mail server that does not answer in time fails the mail with its address named, and the
 * timeout as the cause: {@link ChannelSenders} then leaves mail alone for a while.
 */
@Component
public class SmtpConnections {

  static final Duration MAX_IDLE = Duration.ofMinutes(1);

  private final JavaMailSender sender;
  private final Duration maxIdle;
  private final ThreadLocal<Kept> kept = new ThreadLocal<>();
  private final Set<Transport> all = ConcurrentHashMap.newKeySet();
  private final Counter opened;

  @Autowired
  public SmtpConnections(JavaMailSender sender, MeterRegistry metrics) {
    this(sender, metrics, MAX_IDLE);
  }

  SmtpConnections(JavaMailSender sender, MeterRegistry metrics, Duration maxIdle) {
    this.sender = sender;
    this.maxIdle = maxIdle;
    this.opened = Counter.builder("swarm_smtp_connections_opened")
        .description("SMTP connections opened to send mail (one is kept per sending thread)").register(metrics);
  }

  public void send(MimeMessage message) {
    if (!(sender instanceof JavaMailSenderImpl server)) {
      sender.send(message);
      return;
    }
    Kept last = kept.get();
    Transport transport = last == null ? null : last.transport();
    try {
      if (transport == null || last.idleSince().plus(maxIdle).isBefore(Instant.now()) || !transport.isConnected()) {
        forget(transport);
        transport = connect(server);
      }
      prepare(message);
      Address[] recipients = message.getAllRecipients();
      transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
      kept.set(new Kept(transport, Instant.now()));
    } catch (MessagingException e) {
      forget(transport);
      if (PeerPause.timedOut(e)) {
        throw new MailSendException("Could not send the mail: the mail server " + server.getHost() + ":"
            + server.getPort() + " did not answer in time (" + e.getMessage() + ")", e);
      }
      throw new MailSendException("Could not send the mail: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      forget(transport);
      throw e;
    }
  }

  /** What {@link JavaMailSenderImpl} does before sending: a date, the headers, the same message id. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  private Transport connect(JavaMailSenderImpl server) throws MessagingException {
    // as JavaMailSenderImpl chooses it: its own setting, the session's, or SMTP
    String protocol = server.getProtocol() != null ? server.getProtocol()
        : server.getSession().getProperty("mail.transport.protocol");
    Transport transport = server.getSession().getTransport(protocol != null ? protocol : "smtp");
    transport.connect(server.getHost(), server.getPort(), blankToNull(server.getUsername()),
        blankToNull(server.getPassword()));
    opened.increment();
    all.add(transport);
    return transport;
  }

  private void forget(Transport transport) {
    kept.remove();
    if (transport != null) {
      all.remove(transport);
      close(transport);
    }
  }

  @PreDestroy
  void closeAll() {
    all.forEach(SmtpConnections::close);
    all.clear();
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException ignored) {
      // the connection is gone either way
    }
  }

  private record Kept(Transport transport, Instant idleSince) {}

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
