package dev.sevaswarm.cases;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each case's thread in each chat tool, and the chat events already handled. Kept in the database,
 * so every node of a cluster threads its replies the same way, and a restart forgets nothing.
 */
@Repository
public class ChatThreads {

  /** Where a case lives in a chat tool. */
  public record ChatThread(String caseId, String tool, String channel, String threadId) {}

  private final JdbcTemplate jdbc;

  public ChatThreads(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Optional<ChatThread> of(String caseId, String tool) {
    return first(jdbc.query("select * from case_chat_thread where case_id = ? and tool = ?",
        (rs, row) -> thread(rs), caseId, tool));
  }

  /** The case a thread of a channel belongs to, if it is a case's thread. */
  public Optional<ChatThread> byThread(String tool, String channel, String threadId) {
    return first(jdbc.query("select * from case_chat_thread where tool = ? and channel = ? and thread_id = ?",
        (rs, row) -> thread(rs), tool, channel, threadId));
  }

  public void save(ChatThread thread) {
    jdbc.update("insert into case_chat_thread (case_id, tool, channel, thread_id, created_at) values (?, ?, ?, ?, ?)",
        thread.caseId(), thread.tool(), thread.channel(), thread.threadId(), CaseClock.now());
  }

  /** True the first time an event id is seen; false for a redelivery. */
  public boolean firstDelivery(String tool, String eventId) {
    try {
      jdbc.update("insert into chat_event (tool, event_id, received_at) values (?, ?, ?)", tool, eventId, CaseClock.now());
      return true;
    } catch (DuplicateKeyException seen) {
      return false;
    }
  }

  private static ChatThread thread(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ChatThread(rs.getString("case_id"), rs.getString("tool"), rs.getString("channel"),
        rs.getString("thread_id"));
  }

  private static <T> Optional<T> first(List<T> found) {
    return found.stream().findFirst();
  }
}
