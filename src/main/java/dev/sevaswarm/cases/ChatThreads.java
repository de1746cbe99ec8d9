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

  /**
   * Where a case lives in a chat tool.
   *
   * @param threadId what replies are posted to (Slack: the parent's ts; Teams: the conversation id)
   * @param parentId the message the thread hangs from, which is updated to show the case as it is now
   */
  public record ChatThread(String caseId, String tool, String channel, String threadId, String parentId) {

    /** A thread named by its parent message (Slack's way). */
    public ChatThread(String caseId, String tool, String channel, String threadId) {
      this(caseId, tool, channel, threadId, threadId);
    }
  }

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

  /** The same, where the thread's id names the channel too (a Teams conversation id). */
  public Optional<ChatThread> byThread(String tool, String threadId) {
    return first(jdbc.query("select * from case_chat_thread where tool = ? and thread_id = ?",
        (rs, row) -> thread(rs), tool, threadId));
  }

  public void save(ChatThread thread) {
    jdbc.update("insert into case_chat_thread (case_id, tool, channel, thread_id, parent_id, created_at)"
        + " values (?, ?, ?, ?, ?, ?)", thread.caseId(), thread.tool(), thread.channel(), thread.threadId(),
        thread.parentId().equals(thread.threadId()) ? null : thread.parentId(), CaseClock.now());
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
    String threadId = rs.getString("thread_id");
    String parentId = rs.getString("parent_id");
    return new ChatThread(rs.getString("case_id"), rs.getString("tool"), rs.getString("channel"), threadId,
        parentId == null ? threadId : parentId);
  }

  private static <T> Optional<T> first(List<T> found) {
    return found.stream().findFirst();
  }
}
