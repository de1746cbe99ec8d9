package dev.sevaswarm.cases;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case thread: broadcasts, findings, customer updates, escalations and decisions, in order.
 * Entries are only ever appended.
 */
@Repository
public class CaseThread {

  /** Who appears in the thread when the playbook itself acted. */
  public static final String SYSTEM = "sev-a-swarm";

  private static final int MAX_TEXT = 20_000;

  private final JdbcTemplate jdbc;

  public CaseThread(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void post(String caseId, String actor, ThreadKind kind, String text) {
    String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    jdbc.update("insert into case_thread_entry (case_id, occurred_at, actor, kind, text) values (?, ?, ?, ?, ?)",
        caseId, CaseClock.now(), actor == null ? SYSTEM : actor, kind.name(), bounded);
  }

  public List<ThreadEntry> entries(String caseId) {
    return jdbc.query("select * from case_thread_entry where case_id = ? order by id",
        (rs, row) -> new ThreadEntry(
            rs.getLong("id"),
            rs.getString("case_id"),
            rs.getObject("occurred_at", OffsetDateTime.class),
            rs.getString("actor"),
            ThreadKind.valueOf(rs.getString("kind")),
            rs.getString("text")),
        caseId);
  }
}
