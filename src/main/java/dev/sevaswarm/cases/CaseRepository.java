package dev.sevaswarm.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/** The intake record of each case. */
@Repository
public class CaseRepository {

  private static final String CASE_ID_PREFIX = "SW-";

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer caseNumbers;

  public CaseRepository(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.caseNumbers = caseNumberSequence(dataSource);
  }

  /** A short id that can be read out on a phone call: SW-1001, SW-1002, ... */
  public String nextCaseId() {
    return CASE_ID_PREFIX + caseNumbers.nextLongValue();
  }

  /** The number of a case id (1001 of SW-1001). */
  public static long number(String caseId) {
    return Long.parseLong(caseId.substring(CASE_ID_PREFIX.length()));
  }

  /**
   * Makes the next case number higher than this one, on the embedded H2: its sequence may have lost
   * numbers drawn just before a crash, which cases opened again from the intake journal now carry.
   */
  public void numbersAfter(long highest) {
    Long next = jdbc.queryForObject("select base_value from information_schema.sequences"
        + " where sequence_schema = current_schema and sequence_name = 'CASE_NUMBER_SEQ'", Long.class);
    if (next != null && next <= highest) {
      jdbc.execute("alter sequence case_number_seq restart with " + (highest + 1));
    }
  }

  public void insert(SupportCase c) {
    jdbc.update("""
        insert into support_case (case_id, external_id, customer, contact_name, contact_email, severity,
          support_plan, title, description, business_impact, recover_by, services, requested_by, created_at,
          sla_started_at, first_response_due, process_instance_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.caseId(), c.externalId(), c.customer(), c.contactName(), c.contactEmail(), c.severity().name(),
        c.plan().name(), c.title(), c.description(), c.businessImpact(), c.recoverBy(),
        String.join("\n", c.services()), c.requestedBy(), c.createdAt(), c.slaStartedAt(), c.firstResponseDue(),
        c.processInstanceId());
  }

  public Optional<SupportCase> find(String caseId) {
    return jdbc.query("select * from support_case where case_id = ?", this::map, caseId).stream().findFirst();
  }

  public Optional<SupportCase> findByExternalId(String externalId) {
    return jdbc.query("select * from support_case where external_id = ?", this::map, externalId).stream().findFirst();
  }

  /** Newest first. */
  public List<SupportCase> all(int limit) {
    return jdbc.query("select * from support_case order by created_at desc, case_id desc limit ?", this::map, limit);
  }

  /** Whether the case was there, waiting for its process instance. */
  public boolean attachProcessInstance(String caseId, String processInstanceId) {
    return 1 == jdbc.update("update support_case set process_instance_id = ? where case_id = ? and process_instance_id is null",
        processInstanceId, caseId);
  }

  /** A (new) first-response clock: severity, due time, start; no first response yet. */
  public void startSla(String caseId, Severity severity, OffsetDateTime startedAt, OffsetDateTime firstResponseDue) {
    jdbc.update("update support_case set severity = ?, sla_started_at = ?, first_response_due = ?, "
        + "first_response_at = null, sla_breached = false, status = ? where case_id = ?",
        severity.name(), startedAt, firstResponseDue, CaseStatus.OPEN.name(), caseId);
  }

  /** The first response was given (only the first one counts); the case is being worked. */
  public void firstResponse(String caseId, OffsetDateTime at) {
    jdbc.update("update support_case set first_response_at = coalesce(first_response_at, ?), status = ? "
        + "where case_id = ?", at, CaseStatus.INVESTIGATING.name(), caseId);
  }

  public void breached(String caseId) {
    jdbc.update("update support_case set sla_breached = true where case_id = ?", caseId);
  }

  public void status(String caseId, CaseStatus status) {
    jdbc.update("update support_case set status = ? where case_id = ?", status.name(), caseId);
  }

  public void closed(String caseId, OffsetDateTime at) {
    jdbc.update("update support_case set status = ?, closed_at = ? where case_id = ?", CaseStatus.CLOSED.name(), at,
        caseId);
  }

  /** Newest first. */
  public List<SupportCase> withStatus(CaseStatus status, int limit) {
    return jdbc.query("select * from support_case where status = ? order by created_at desc, case_id desc limit ?",
        this::map, status.name(), limit);
  }

  /** Every case not closed yet. */
  public List<SupportCase> notClosed(int limit) {
    return jdbc.query("select * from support_case where status <> ? order by created_at limit ?", this::map,
        CaseStatus.CLOSED.name(), limit);
  }

  /** Cases opened in [from, to), oldest first: the SLA report's population. */
  public List<SupportCase> openedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.query("select * from support_case where created_at >= ? and created_at < ? order by created_at",
        this::map, from, to);
  }

  /** How many cases there are per severity and status. */
  public List<Map<String, Object>> countsBySeverityAndStatus() {
    return jdbc.queryForList("select severity, status, count(*) as cases from support_case group by severity, status");
  }

  public void updateSeverity(String caseId, Severity severity) {
    jdbc.update("update support_case set severity = ? where case_id = ?", severity.name(), caseId);
  }

  private SupportCase map(ResultSet rs, int row) throws SQLException {
    String services = rs.getString("services");
    return new SupportCase(
        rs.getString("case_id"),
        rs.getString("external_id"),
        rs.getString("customer"),
        rs.getString("contact_name"),
        rs.getString("contact_email"),
        Severity.valueOf(rs.getString("severity")),
        SupportPlan.valueOf(rs.getString("support_plan")),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("business_impact"),
        rs.getObject("recover_by", OffsetDateTime.class),
        services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split("\n")),
        rs.getString("requested_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("first_response_due", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getObject("sla_started_at", OffsetDateTime.class),
        rs.getObject("first_response_at", OffsetDateTime.class),
        rs.getBoolean("sla_breached"),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  private static DataFieldMaxValueIncrementer caseNumberSequence(DataSource dataSource) {
    return DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "case_number_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "case_number_seq");
  }

  /** Records the customer's language and time zone (null: the configured defaults apply). */
  public void customerLocale(String caseId, String language, String zone) {
    jdbc.update("update support_case set customer_locale = ?, customer_time_zone = ? where case_id = ?",
        language, zone, caseId);
  }

  /** The customer's language and zone, each falling back to the given defaults. */
  public CustomerLocale customerLocale(String caseId, java.util.Locale defaultLocale, java.time.ZoneId defaultZone) {
    List<CustomerLocale> found = jdbc.query(
        "select customer_locale, customer_time_zone from support_case where case_id = ?",
        (rs, row) -> new CustomerLocale(
            rs.getString(1) == null ? defaultLocale : java.util.Locale.forLanguageTag(rs.getString(1)),
            rs.getString(2) == null ? defaultZone : java.time.ZoneId.of(rs.getString(2))), caseId);
    return found.isEmpty() ? new CustomerLocale(defaultLocale, defaultZone) : found.get(0);
  }
}
