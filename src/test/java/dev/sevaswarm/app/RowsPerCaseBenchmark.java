package dev.sevaswarm.app;

import static org.awaitility.Awaitility.await;

import dev.sevaswarm.bench.BenchSupport;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a Sev A case leaves in the database once its broadcast is delivered, table by table, and the
 * variables of one case by process: where the whole work of a case goes (docs/BENCHMARKS.md).
 * Run: {@code mvn -Pbench test -Dtest=RowsPerCaseBenchmark}; prints and appends to target/bench/results.md.
 */
@Tag("bench")
class RowsPerCaseBenchmark extends AppTestSupport {

  private static final int CASES = 10;

  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;

  @Test
  void rowsPerCase() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    await().atMost(Duration.ofSeconds(60)).until(() -> dueJobs(jdbc) == 0);
    Map<String, Integer> before = counts(jdbc);
    for (int i = 0; i < CASES; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth("intake", "demo");
      headers.setContentType(MediaType.APPLICATION_JSON);
      http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(BenchSupport.sevARequest("Rows", "COUNTED", i),
          headers), String.class);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> dueJobs(jdbc) == 0);
    Map<String, Integer> after = counts(jdbc);
    StringBuilder report = new StringBuilder("\n## Rows a Sev A case keeps once its broadcast is delivered (H2, "
        + CASES + " cases, Teams + Slack + team mail + account-team mail)\n\n");
    int total = 0;
    for (var table : after.entrySet()) {
      int added = table.getValue() - before.getOrDefault(table.getKey(), 0);
      if (added != 0) {
        report.append(String.format("- %s: %.1f%n", table.getKey(), added / (double) CASES));
        total += added;
      }
    }
    report.append(String.format("- **in all: %.1f rows per case**%n%nVariables of one case, by process:%n",
        total / (double) CASES));
    String last = jdbc.queryForObject("select max(case_id) from support_case where title = 'Rows COUNTED'", String.class);
    jdbc.queryForList("select d.KEY_ k, count(*) n from ACT_RU_VARIABLE v join ACT_RU_EXECUTION e on v.PROC_INST_ID_ = e.ID_ "
        + "join ACT_RE_PROCDEF d on e.PROC_DEF_ID_ = d.ID_ where e.BUSINESS_KEY_ = ? group by d.KEY_ order by 1", last)
        .forEach(row -> report.append("- ").append(row.get("K")).append(": ").append(row.get("N")).append('\n'));
    BenchSupport.report(report.toString());
  }

  private static int dueJobs(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ <= now() and RETRIES_ > 0", Integer.class);
  }

  private static Map<String, Integer> counts(JdbcTemplate jdbc) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'PUBLIC'", String.class)) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Integer.class));
    }
    return counts;
  }
}
