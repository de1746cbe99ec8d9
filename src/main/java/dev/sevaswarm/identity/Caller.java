package dev.sevaswarm.identity;

import dev.sevaswarm.cases.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user a request runs as (set by the HTTP Basic filter), with their groups. */
public record Caller(String userId, List<String> groups) {

  public static Caller current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      return new Caller(null, List.of());
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
    return new Caller(authentication.getUserId(), groups);
  }

  /** The current caller, or a 403 naming what their groups do not allow. */
  public static Caller require(IdentityService identity, Collection<String> allowed, String what) {
    Caller caller = current(identity);
    if (!caller.inAnyOf(allowed)) {
      throw ApiException.forbidden("Your groups do not allow you to " + what);
    }
    return caller;
  }

  public boolean inAnyOf(Collection<String> allowed) {
    return groups.stream().anyMatch(allowed::contains);
  }

  /**
   * The user whose e-mail address this is, with their groups (how a chat tool's member is known
   * here); nobody when no user, or more than one, has it.
   */
  public static Optional<Caller> withEmail(IdentityService identity, String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return asSystem(identity, () -> {
      List<User> users = identity.createUserQuery().userEmail(email.trim()).list();
      if (users.size() != 1) {
        return Optional.<Caller>empty(); // nobody, or not one person: act for no one
      }
      String userId = users.get(0).getId();
      return Optional.of(new Caller(userId, identity.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList()));
    });
  }

  /**
   * Runs engine calls without the caller's authorizations, for reads and steps the API has
   * already authorized itself (the caller stays on record where it matters, e.g. in the thread).
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
