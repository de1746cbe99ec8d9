package dev.sevaswarm.cases;

import java.sql.Connection;
import java.sql.SQLException;
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
    try (Connection connection = dataSource.getConnection()) {
      this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }

  /** Call after the commit, before telling anyone. */
  public void committedDataToDisk() {
    if (h2) {
      jdbc.execute("CHECKPOINT SYNC");
    }
  }
}
