package dev.sevaswarm.cases;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The findings of a case, in the order they were posted. */
@Repository
public class CaseFindings {

  private final JdbcTemplate jdbc;

  public CaseFindings(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void add(String caseId, Finding finding) {
    jdbc.update("insert into case_finding (case_id, area, verdict, finding, investigated_by, found_at) values (?, ?, ?, ?, ?, ?)",
        caseId, finding.area(), finding.verdict().name(), finding.finding(), finding.by(), finding.at());
  }

  public List<Finding> of(String caseId) {
    return jdbc.query("select * from case_finding where case_id = ? order by id",
        (rs, row) -> new Finding(
            rs.getString("area"),
            Verdict.valueOf(rs.getString("verdict")),
            rs.getString("finding"),
            rs.getString("investigated_by"),
            rs.getObject("found_at", OffsetDateTime.class)),
        caseId);
  }
}
