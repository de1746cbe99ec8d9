package dev.sevaswarm.notify;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one channel's peer (the mail server, a chat tool's webhook, API or bot connector) is owed
 * after it did not answer in time: it is left alone for a while. Its sends meanwhile fail at once,
 * and their deliveries are retried on the retry cycle. Without the pause, every delivery to a peer
 * that hangs held a job thread for the whole timeout, and a few of them held all of them: new
 * cases' Teams cards, owner tasks and SLA timers waited. When the pause is over, one send asks the
 * peer; the others still fail at once until it has an answer. A refusal or an error answer counts
 * as an answer.
 */
final class PeerPause {

  private static final Logger LOG = LoggerFactory.getLogger(PeerPause.class);

  private final String channel;
  private final Duration length;
  /** Until when the peer is left alone, and why; null while it answers. */
  private final AtomicReference<Paused> paused = new AtomicReference<>();
  /** Whether a send is asking the peer after a pause. */
  private final AtomicBoolean asking = new AtomicBoolean();

  private record Paused(Instant until, String reason) {}

  PeerPause(String channel, Duration length) {
    this.channel = channel;
    this.length = length;
  }

  /** Runs the send, unless the peer is left alone; a send that times out starts a pause. */
  <T> T ask(Supplier<T> sending) {
    boolean asks = mayAsk();
    try {
      T sent = sending.get();
      answered();
      return sent;
    } catch (RuntimeException failure) {
      if (timedOut(failure)) {
        pauseAfter(failure);
      } else {
        answered();
      }
      throw failure;
    } finally {
      if (asks) {
        asking.set(false);
      }
    }
  }

  /**
   * Whether this send asks the peer after a pause (true), or goes to a peer that answers (false);
   * during a pause, and while another send asks, it fails at once.
   */
  private boolean mayAsk() {
    Paused now = paused.get();
    if (now == null) {
      return false;
    }
    if (Instant.now().isBefore(now.until()) || !asking.compareAndSet(false, true)) {
      throw new LeftAlone(channel + " is not asked again before " + now.until().truncatedTo(ChronoUnit.SECONDS)
          + ": it did not answer in time (" + now.reason() + ")");
    }
    return true;
  }

  private void answered() {
    if (paused.getAndSet(null) != null) {
      LOG.info("{} answers again", channel);
    }
  }

  private void pauseAfter(RuntimeException failure) {
    Instant until = Instant.now().plus(length);
    paused.set(new Paused(until, failure.getMessage()));
    LOG.warn("{} did not answer in time ({}); nothing is sent to it before {}", channel, failure.getMessage(),
        until.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Whether the peer did not answer in time, as opposed to answering with an error, or refusing: a
   * socket's timeout (mail, Slack's client), the JDK HTTP client's (webhooks, the Teams bot), or a
   * whole call's (Slack's client).
   */
  static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** A send that was not tried: its peer is left alone. */
  static class LeftAlone extends RuntimeException {
    LeftAlone(String message) {
      super(message);
    }
  }
}
