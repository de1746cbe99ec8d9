package dev.sevaswarm.people;

import dev.sevaswarm.cases.CaseClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The invitations of a case, kept in the database (any node may take the answer). */
@Repository
public class Invitations {

  /** What became of an invitation. */
  public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED }

  /**
   * An invitation, as {@code GET /api/cases/{caseId}/invitations} shows it.
   *
   * @param area the isolation area, or {@code owner} for taking the case over
   */
  public record Invitation(String id, String caseId, String area, String userId, Status status,
      OffsetDateTime invitedAt, OffsetDateTime answeredAt, String reason) {}

  /** Where in the diagram the answer is awaited. */
  public record Waiting(String processInstanceId, String executionId) {}

  private final JdbcTemplate jdbc;

  public Invitations(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Invitation invite(String caseId, String area, String userId, Waiting waiting) {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = CaseClock.now();
    jdbc.update("insert into invitation (id, case_id, area, user_id, status, invited_at, process_instance_id,"
        + " execution_id) values (?, ?, ?, ?, ?, ?, ?, ?)", id, caseId, area, userId, Status.PENDING.name(), now,
        waiting.processInstanceId(), waiting.executionId());
    return new Invitation(id, caseId, area, userId, Status.PENDING, now, null, null);
  }

  public Optional<Invitation> find(String id) {
    return jdbc.query("select * from invitation where id = ?", (rs, row) -> invitation(rs), id).stream().findFirst();
  }

  public Optional<Waiting> waiting(String id) {
    return jdbc.query("select process_instance_id, execution_id from invitation where id = ?",
        (rs, row) -> new Waiting(rs.getString(1), rs.getString(2)), id).stream().findFirst();
  }

  public List<Invitation> ofCase(String caseId) {
    return jdbc.query("select * from invitation where case_id = ? order by invited_at, id", (rs, row) -> invitation(rs),
        caseId);
  }

  public List<Invitation> ofCaseAndArea(String caseId, String area) {
    return jdbc.query("select * from invitation where case_id = ? and area = ? order by invited_at, id",
        (rs, row) -> invitation(rs), caseId, area);
  }

  /** Records the answer, if the invitation is still pending; false when it was answered (or ran out) before. */
  public boolean answer(String id, Status status, String reason) {
    return jdbc.update("update invitation set status = ?, answered_at = ?, reason = ? where id = ? and status = ?",
        status.name(), CaseClock.now(), reason, id, Status.PENDING.name()) == 1;
  }

  /** Ends what still waits in a loop that has ended (the area was taken, or the investigation is over). */
  public int expireWaitingIn(String processInstanceId, String reason) {
    return jdbc.update("update invitation set status = ?, answered_at = ?, reason = ? where process_instance_id = ?"
        + " and status = ?", Status.EXPIRED.name(), CaseClock.now(), reason, processInstanceId, Status.PENDING.name());
  }

  private static Invitation invitation(ResultSet rs) throws SQLException {
    return new Invitation(rs.getString("id"), rs.getString("case_id"), rs.getString("area"), rs.getString("user_id"),
        Status.valueOf(rs.getString("status")), rs.getObject("invited_at", OffsetDateTime.class),
        rs.getObject("answered_at", OffsetDateTime.class), rs.getString("reason"));
  }
}
