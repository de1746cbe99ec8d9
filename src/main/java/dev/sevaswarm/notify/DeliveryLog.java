package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.DiskSync;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers each delivery per event, audience and channel, and each failed attempt. Both are
 * written in their own transaction: a delivery right after the channel accepted it (and on disk
 * before its job ends, {@link #deliveriesToDisk}), so that a retry of the job (after a later failure
 * rolled the job back) does not send it a second time; a failure so that it stays on the case's
 * record although the job's transaction is rolled back.
 */
@Repository
public class DeliveryLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final CaseThread thread;
  private final DiskSync disk;

  public DeliveryLog(DataSource dataSource, PlatformTransactionManager transactions, CaseThread thread,
      DiskSync disk) {
    this.disk = disk;
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.thread = thread;
  }

  /** Which of these events' deliveries went out already, as {@link #key} of each: one query for a whole job. */
  public Set<String> delivered(Collection<String> eventKeys) {
    if (eventKeys.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", Collections.nCopies(eventKeys.size(), "?"));
    return new HashSet<>(jdbc.query("select event_key, audience, channel from notification_delivery where event_key in ("
        + marks + ")", (rs, row) -> key(rs.getString(1), Audience.valueOf(rs.getString(2)), rs.getString(3)),
        eventKeys.toArray()));
  }

  /** One delivery: an event's key, an audience and a channel. */
  public static String key(String eventKey, Audience audience, String channel) {
    return eventKey + "|" + audience.name() + "|" + channel;
  }

  public void recordDelivery(String caseId, String eventKey, NotificationEvent event, Audience audience,
      String channel, String recipient) {
    ownTransaction.executeWithoutResult(status -> {
      jdbc.update("""
          insert into notification_delivery (case_id, event_key, event, audience, channel, recipient, delivered_at)
          values (?, ?, ?, ?, ?, ?, ?)""",
          caseId, eventKey, event.name(), audience.name(), channel, recipient, CaseClock.now());
      thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NOTIFICATION,
          ThreadWords.of("thread.notification.sent", event, audience, channel, recipient));
    });
  }

  /**
   * Makes the deliveries recorded so far durable before their job ends: one synced checkpoint (on
   * H2) for all the channels of the job's events, however many went out side by side.
   */
  public void deliveriesToDisk() {
    disk.committedDataToDisk();
  }

  public void recordFailure(String caseId, NotificationEvent event, Audience audience, String channel,
      String reason, String retryNote) {
    ownTransaction.executeWithoutResult(status -> thread.post(caseId, CaseThread.SYSTEM, ThreadKind.NOTIFICATION,
        ThreadWords.of("thread.notification.failed", event, audience, channel, retryNote, reason)));
  }
}
