package dev.sevaswarm.notify;

import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.List;

/**
 * The state of a case as a chat thread's parent message shows it (owner, next action, next contact,
 * who is on which area). Provided by the room, which knows it; the channels only show it.
 */
public interface CaseState {

  List<Fact> of(String caseId);

  /** The isolation areas a person may join from a message's buttons. */
  List<String> joinableAreas();
}
