package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.DiskSync;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.ThreadWords;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers each delivery per event, audience and channel, and each failed attempt. Both are
 * written in their own transaction: a delivery right after the channel accepted it (and on disk before
 * its job ends, {@link #deliveriesToDisk}), so that a retry
 * of the job (after a later failure rolled the job back) does not send it a second time; a failure
 * so that it stays on the case's record although the job's transaction is rolled back.
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

  public boolean delivered(String eventKey, Audience audience, String channel) {
    Integer count = jdbc.queryForObject(
        "select count(*) from notification_delivery where event_key = ? and audience = ? and channel = ?",
        Integer.class, eventKey, audience.name(), channel);
    return count != null && count > 0;
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
   * H2) for all the channels of an event, however many went out side by side.
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
