package dev.sevaswarm.room;

import dev.sevaswarm.cases.CaseClock;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who is on which area of a case now: one row per investigation, kept by its task's listener. */
@Repository
public class Investigations {

  /** What an investigation is doing. */
  public enum Status { OPEN, IN_PROGRESS, DONE, CANCELLED }

  /** One investigation as the room and the API show it. */
  public record Investigation(String area, String group, String assignee, Status status, OffsetDateTime since,
      String verdict) {}

  private final JdbcTemplate jdbc;

  public Investigations(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Records a task's state; the time it reached that state is now. */
  public void record(String taskId, String caseId, String area, String group, String assignee, Status status,
      String verdict) {
    OffsetDateTime now = CaseClock.now();
    int updated = jdbc.update("update case_investigation set assignee = ?, status = ?, since = ?, verdict = ?, "
        + "area = coalesce(?, area), area_group = coalesce(?, area_group) where task_id = ?",
        assignee, status.name(), now, verdict, area, group, taskId);
    if (updated == 0) {
      jdbc.update("insert into case_investigation (task_id, case_id, area, area_group, assignee, status, since, verdict) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?)", taskId, caseId, area, group, assignee, status.name(), now, verdict);
    }
  }

  public List<Investigation> of(String caseId) {
    return jdbc.query("select * from case_investigation where case_id = ? order by area, since",
        (rs, row) -> new Investigation(rs.getString("area"), rs.getString("area_group"), rs.getString("assignee"),
            Status.valueOf(rs.getString("status")), rs.getObject("since", OffsetDateTime.class),
            rs.getString("verdict")), caseId);
  }

  /** How many investigations the person is working on now, over all cases. */
  public long inProgress(String userId) {
    Long count = jdbc.queryForObject("select count(*) from case_investigation where assignee = ? and status = ?",
        Long.class, userId, Status.IN_PROGRESS.name());
    return count == null ? 0 : count;
  }
}
