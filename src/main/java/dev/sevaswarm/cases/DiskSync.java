package dev.sevaswarm.cases;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a commit that was promised to someone durable before the promise goes out. The embedded
 * H2 database writes committed data to disk up to half a second later (forcing every commit to disk
 * made its file grow sevenfold); a case answered 201, or a delivery marked as sent, must survive a
 * crash in that half second, so those two moments force a synced checkpoint. PostgreSQL is durable
 * at commit already.
 */
@Component
public class DiskSync {

  private final JdbcTemplate jdbc;
  private final boolean h2;

  public DiskSync(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.h2 = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
  }

  /** Call after the commit, before telling anyone. */
  public void committedDataToDisk() {
    if (h2) {
      jdbc.execute("CHECKPOINT SYNC");
    }
  }
}
