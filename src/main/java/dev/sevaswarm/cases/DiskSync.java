package dev.sevaswarm.cases;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a commit that was promised to someone durable before the promise goes out. The embedded
 * H2 database writes committed data to disk up to half a second later (forcing every commit to disk
 * made its file grow sevenfold); a delivery marked as sent must survive a crash in that half second,
 * so it forces a synced checkpoint. (A case answered 201 is kept by the intake journal instead, which
 * uses this every few seconds.) PostgreSQL is durable at commit already.
 *
 * <p>Concurrent callers share checkpoints (a group commit): a checkpoint that starts after a caller's
 * commit covers that caller, so whoever arrives while one is running waits for the next one, which
 * covers everyone who arrived meanwhile.
 */
@Component
public class DiskSync {

  private final JdbcTemplate jdbc;
  private final boolean h2;
  private final Object lock = new Object();
  /** Callers so far, numbered; a caller's number is taken after its commit. */
  private long callers;
  /** Every caller up to this number is on disk. */
  private long onDisk;
  private boolean checkpointRunning;

  public DiskSync(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.h2 = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
  }

  /** Call after the commit, before telling anyone. */
  public void committedDataToDisk() {
    if (!h2) {
      return;
    }
    long covers;
    synchronized (lock) {
      long me = ++callers;
      while (onDisk < me && checkpointRunning) {
        waitForCheckpoint();
      }
      if (onDisk >= me) {
        return;
      }
      checkpointRunning = true;
      covers = callers;
    }
    boolean written = false;
    try {
      jdbc.execute("CHECKPOINT SYNC");
      written = true;
    } finally {
      synchronized (lock) {
        checkpointRunning = false;
        if (written) {
          onDisk = Math.max(onDisk, covers);
        }
        lock.notifyAll();
      }
    }
  }

  private void waitForCheckpoint() {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the disk", e);
    }
  }
}
