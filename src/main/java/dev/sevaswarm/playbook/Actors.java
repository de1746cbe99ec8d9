package dev.sevaswarm.playbook;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting right now: the logged-in user of Tasklist or the API, if any. */
final class Actors {

  private Actors() {}

  static String current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
