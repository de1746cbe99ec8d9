package dev.sevaswarm.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.MessageSource;
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

  private static final int MAX_ARGS = 40_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final MessageSource messages;

  public CaseThread(DataSource dataSource, MessageSource messages) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.messages = messages;
  }

  /** Someone's own words (a comment, a reply from a chat tool): kept as they wrote them. */
  public void post(String caseId, String actor, ThreadKind kind, String text) {
    insert(caseId, actor, kind, text, null, null);
  }

  /** What the playbook says: kept as words, shown in each reader's language, with the English as text. */
  public void post(String caseId, String actor, ThreadKind kind, ThreadWords words) {
    String english = messages.getMessage(words.key(), words.args().toArray(), Locale.ENGLISH);
    String args;
    try {
      args = JSON.writeValueAsString(words.args());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (args.length() > MAX_ARGS) {
      insert(caseId, actor, kind, english, null, null); // words too long to keep: the English stands
    } else {
      insert(caseId, actor, kind, english, words.key(), args);
    }
  }

  private void insert(String caseId, String actor, ThreadKind kind, String text, String key, String args) {
    String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    jdbc.update("insert into case_thread_entry (case_id, occurred_at, actor, kind, text, message_key, message_args) "
        + "values (?, ?, ?, ?, ?, ?, ?)", caseId, CaseClock.now(), actor == null ? SYSTEM : actor, kind.name(), bounded,
        key, args);
  }

  public List<ThreadEntry> entries(String caseId) {
    return jdbc.query("select * from case_thread_entry where case_id = ? order by id",
        (rs, row) -> new ThreadEntry(
            rs.getLong("id"),
            rs.getString("case_id"),
            rs.getObject("occurred_at", OffsetDateTime.class),
            rs.getString("actor"),
            ThreadKind.valueOf(rs.getString("kind")),
            rs.getString("text"),
            words(rs.getString("message_key"), rs.getString("message_args"))),
        caseId);
  }

  private static ThreadWords words(String key, String args) {
    if (key == null) {
      return null;
    }
    try {
      return new ThreadWords(key, JSON.readValue(args, new TypeReference<List<String>>() {}));
    } catch (JsonProcessingException e) {
      return null; // the English text stands
    }
  }
}
