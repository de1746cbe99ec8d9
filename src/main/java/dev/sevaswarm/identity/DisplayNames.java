package dev.sevaswarm.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** What people read for a user: "Nia Network", not "eng-network" (the id when no name is set). */
public final class DisplayNames {

  private DisplayNames() {}

  public static String of(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The display name of a user id; the id itself for someone who is not a user (e.g. the system). */
  public static String of(IdentityService identity, String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : of(user);
  }
}
