package dev.sevaswarm.people;

import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.cases.Verdict;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a person gave the swarm, counted from the cases' own record: findings and root causes they
 * posted, comments they wrote, contributions the owner marked helpful, and cases they owned; in
 * all and per month (UTC).
 */
@Repository
public class Contributions {

  /** The counts, in all and per month. */
  public record Credit(String userId, int findings, int rootCauses, int comments, int helpful, int casesOwned,
      List<Month> months) {}

  /** One month's counts ({@code month} as {@code 2026-11}). */
  public record Month(String month, int findings, int rootCauses, int comments, int helpful, int casesOwned) {}

  private static final int FINDINGS = 0;
  private static final int ROOT_CAUSES = 1;
  private static final int COMMENTS = 2;
  private static final int HELPFUL = 3;
  private static final int OWNED = 4;

  private final JdbcTemplate jdbc;

  public Contributions(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Credit of(String userId) {
    Map<YearMonth, int[]> months = new TreeMap<>(java.util.Comparator.reverseOrder());
    count(months, "select found_at as at, verdict as what from case_finding where investigated_by = ?", userId,
        (what, counts) -> {
          counts[FINDINGS]++;
          if (Verdict.ROOT_CAUSE.name().equals(what)) {
            counts[ROOT_CAUSES]++;
          }
        });
    count(months, "select occurred_at as at, kind as what from case_thread_entry where actor = ? and kind = '"
        + ThreadKind.COMMENT.name() + "'", userId, (what, counts) -> counts[COMMENTS]++);
    count(months, "select marked_at as at, case_id as what from helpful_mark where author = ?", userId,
        (what, counts) -> counts[HELPFUL]++);
    // owning a case is recorded once per case: "<them> owns the case; …" (Sev A) or "<them> took the case" (B/C)
    count(months, "select min(occurred_at) as at, case_id as what from case_thread_entry where actor = ? and kind = '"
        + ThreadKind.OWNERSHIP.name() + "' and (text like ? or text = ?) group by case_id", userId,
        (what, counts) -> counts[OWNED]++, userId + " owns the case%", userId + " took the case");
    int[] total = new int[5];
    List<Month> perMonth = months.entrySet().stream().map(e -> {
      int[] c = e.getValue();
      for (int i = 0; i < total.length; i++) {
        total[i] += c[i];
      }
      return new Month(e.getKey().toString(), c[FINDINGS], c[ROOT_CAUSES], c[COMMENTS], c[HELPFUL], c[OWNED]);
    }).toList();
    return new Credit(userId, total[FINDINGS], total[ROOT_CAUSES], total[COMMENTS], total[HELPFUL], total[OWNED],
        perMonth);
  }

  private interface Tally {
    void add(String what, int[] counts);
  }

  private void count(Map<YearMonth, int[]> months, String sql, String userId, Tally tally, Object... more) {
    Object[] args = new Object[1 + more.length];
    args[0] = userId;
    System.arraycopy(more, 0, args, 1, more.length);
    jdbc.query(sql, rs -> {
      OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
      YearMonth month = YearMonth.from(at.withOffsetSameInstant(ZoneOffset.UTC));
      tally.add(rs.getString("what"), months.computeIfAbsent(month, m -> new int[5]));
    }, args);
  }
}
