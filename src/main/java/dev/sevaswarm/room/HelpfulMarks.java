package dev.sevaswarm.room;

import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.ThreadEntry;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Thread entries the case's owner marked helpful: credit for whoever wrote them. */
@Repository
public class HelpfulMarks {

  private final JdbcTemplate jdbc;

  public HelpfulMarks(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Marks the entry; false when it was marked already (a mark counts once). */
  public boolean mark(ThreadEntry entry, String by) {
    try {
      jdbc.update("insert into helpful_mark (entry_id, case_id, author, marked_by, marked_at) values (?, ?, ?, ?, ?)",
          entry.id(), entry.caseId(), entry.actor(), by, CaseClock.now());
      return true;
    } catch (DuplicateKeyException marked) {
      return false;
    }
  }

  /** The case's entries marked helpful. */
  public Set<Long> of(String caseId) {
    return new HashSet<>(jdbc.queryForList("select entry_id from helpful_mark where case_id = ?", Long.class, caseId));
  }
}
