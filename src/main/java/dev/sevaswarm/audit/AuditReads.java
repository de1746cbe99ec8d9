package dev.sevaswarm.audit;

import dev.sevaswarm.cases.CaseClock;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reading an audit trail is itself on the record. */
@Repository
public class AuditReads {

  /** One recorded read. */
  public record AuditRead(OffsetDateTime at, String userId, String format) {}

  private final JdbcTemplate jdbc;

  public AuditReads(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void record(String caseId, String userId, String format) {
    jdbc.update("insert into audit_read (case_id, user_id, read_at, format) values (?, ?, ?, ?)",
        caseId, userId, CaseClock.now(), format);
  }

  public List<AuditRead> of(String caseId) {
    return jdbc.query("select * from audit_read where case_id = ? order by id",
        (rs, row) -> new AuditRead(rs.getObject("read_at", OffsetDateTime.class), rs.getString("user_id"),
            rs.getString("format")), caseId);
  }
}
