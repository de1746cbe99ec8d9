package dev.sevaswarm.identity;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile nobody is seeded; the first administrator comes from the environment
 * ({@code CAMUNDA_BPM_ADMINUSER_ID} and {@code CAMUNDA_BPM_ADMINUSER_PASSWORD}). Camunda would take
 * the user id as the password when none is given, so start-up stops instead.
 */
@Component
@Profile("!demo")
public class FirstAdminGuard {

  public FirstAdminGuard(Environment environment) {
    check(environment);
  }

  static void check(Environment environment) {
    String id = environment.getProperty("camunda.bpm.admin-user.id");
    if (id == null || id.isBlank()) {
      return;
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (password == null || password.isBlank() || password.equals(id) || password.equals(DemoUsers.PASSWORD)) {
      throw new IllegalStateException("The first administrator '" + id + "' needs a password of its own: set "
          + "CAMUNDA_BPM_ADMINUSER_PASSWORD (not empty, not the user id, not the demo password)");
    }
  }
}
