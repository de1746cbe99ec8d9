package dev.sevaswarm.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>A mail server that does not answer (the connection or a reply timed out) is not asked again for
 * {@link #PAUSE_AFTER_TIMEOUT}: the mails meanwhile fail at once, and their deliveries are retried on
 * the retry cycle (a minute apart by default, so the retry asks the server again). Without the pause
 * every delivery with a mail held a job thread for the whole timeout, and a few of them held all of
 * them: new cases' Teams cards, owner tasks and SLA timers waited. When the pause is over, one mail
 * asks the server; the others still fail at once until it has an answer.
 */
@Component
public class SmtpConnections {

  static final Duration MAX_IDLE = Duration.ofMinutes(1);
  /** How long a mail server that did not answer is left alone; shorter than a delivery's retry interval. */
  static final Duration PAUSE_AFTER_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

  private final JavaMailSender sender;
  private final Duration maxIdle;
  private final ThreadLocal<Kept> kept = new ThreadLocal<>();
  private final Set<Transport> all = ConcurrentHashMap.newKeySet();
  private final Counter opened;
  private final Duration pause;
  /** Until when the server is left alone; null while it answers. */
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>();
  /** Whether a mail is asking the server after a pause. */
  private final AtomicBoolean asking = new AtomicBoolean();

  @Autowired
  public SmtpConnections(JavaMailSender sender, MeterRegistry metrics) {
    this(sender, metrics, MAX_IDLE, PAUSE_AFTER_TIMEOUT);
  }

  SmtpConnections(JavaMailSender sender, MeterRegistry metrics, Duration maxIdle, Duration pause) {
    this.sender = sender;
    this.maxIdle = maxIdle;
    this.pause = pause;
    this.opened = Counter.builder("swarm_smtp_connections_opened")
        .description("SMTP connections opened to send mail (one is kept per sending thread)").register(metrics);
  }

  public void send(MimeMessage message) {
    if (!(sender instanceof JavaMailSenderImpl server)) {
      sender.send(message);
      return;
    }
    boolean asks = mayAsk(server);
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
      answered();
    } catch (MessagingException e) {
      forget(transport);
      if (timedOut(e)) {
        pauseAfter(server);
        throw new MailSendException("Could not send the mail: the mail server " + address(server)
            + " did not answer in time (" + e.getMessage() + ")", e);
      }
      answered();
      throw new MailSendException("Could not send the mail: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      forget(transport);
      if (asks) {
        asking.set(false); // no answer either way: the next mail asks
      }
      throw e;
    }
  }

  /**
   * Whether this mail asks the server after a pause (true), or goes to a server that answers (false);
   * during a pause, and while another mail asks, it fails at once.
   */
  private boolean mayAsk(JavaMailSenderImpl server) {
    Instant until = pausedUntil.get();
    if (until == null) {
      return false;
    }
    if (Instant.now().isBefore(until) || !asking.compareAndSet(false, true)) {
      throw new MailSendException("The mail server " + address(server)
          + " did not answer in time; it is not asked again before " + until.truncatedTo(ChronoUnit.SECONDS));
    }
    return true;
  }

  /** The server answered (the mail went, or was refused): mails go to it again. */
  private void answered() {
    if (pausedUntil.getAndSet(null) != null) {
      asking.set(false);
    }
  }

  private void pauseAfter(JavaMailSenderImpl server) {
    Instant until = Instant.now().plus(pause);
    pausedUntil.set(until);
    asking.set(false);
    LOG.warn("The mail server {} did not answer in time; no mail is sent to it before {}", address(server),
        until.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String address(JavaMailSenderImpl server) {
    return server.getHost() + ":" + server.getPort();
  }

  /** Whether the server did not answer in time (as opposed to answering with an error, or refusing). */
  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
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
