package dev.sevaswarm.room;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.FieldProblem;
import dev.sevaswarm.cases.ThreadKind;
import dev.sevaswarm.notify.Delivery;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.NotificationEvent;
import dev.sevaswarm.notify.Notifications;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * Comments on a case: a hint from anyone in the swarm ("did you check the firewall rule pushed at
 * 05:00?"). A comment is a thread entry by its author, goes to the team channels like a finding,
 * and mails the people it mentions. The API, Tasklist's "Add comment" and the room all come here.
 */
@Service
public class CaseComments {

  private final CaseThread thread;
  private final Notifications notifications;
  private final IdentityService identity;

  public CaseComments(CaseThread thread, Notifications notifications, IdentityService identity) {
    this.thread = thread;
    this.notifications = notifications;
    this.identity = identity;
  }

  /** Posts the comment (the caller's right to comment is checked at the door); refuses bad input with 400. */
  public void comment(String caseId, String author, String text, List<String> mentions) {
    comment(caseId, author, text, mentions, null);
  }

  /** The same, for a comment that came in through a chat tool's door ({@code via}), which is not echoed there. */
  public void comment(String caseId, String author, String text, List<String> mentions, String via) {
    List<FieldProblem> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("text", "must not be empty"));
    } else {
      FieldLimits.problem(text, FieldLimits.LONG_TEXT).ifPresent(p -> problems.add(new FieldProblem("text", p)));
    }
    List<String> people = new ArrayList<>(new LinkedHashSet<>(mentions == null ? List.of() : mentions));
    for (String person : people) {
      if (person == null || identity.createUserQuery().userId(person).count() == 0) {
        problems.add(new FieldProblem("mentions", "'" + person + "' is not a user"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    String comment = text.strip();
    thread.post(caseId, author, ThreadKind.COMMENT,
        comment + (people.isEmpty() ? "" : " (for " + String.join(", ", people) + ")"));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("comment", comment);
    details.put("commentBy", author);
    if (!people.isEmpty()) {
      details.put(MessageComposer.PEOPLE, String.join(",", people));
    }
    if (via != null) {
      details.put(Delivery.VIA, via);
    }
    notifications.publish(caseId, NotificationEvent.COMMENT, details);
  }
}
