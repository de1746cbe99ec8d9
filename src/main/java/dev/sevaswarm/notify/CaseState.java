package dev.sevaswarm.notify;

import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.List;

/**
 * The state of a case as a chat thread's parent message shows it (owner, next action, next contact,
 * who is on which area). Provided by the room, which knows it; the channels only show it.
 */
public interface CaseState {

  /** The key of the fact that names the owner: a case with an owner has nothing left to take. */
  String OWNER = "owner";

  List<Fact> of(String caseId);

  /** The isolation areas a person may join from a message's buttons. */
  List<String> joinableAreas();
}
