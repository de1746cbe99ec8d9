package dev.sevaswarm.identity;

import dev.sevaswarm.identity.DemoUsers.DemoUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds one person per role (password "demo") for a trial run. Only in the demo profile. */
@Component
@Profile("demo")
public class DemoData {

  private final IdentityService identity;

  public DemoData(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void seed() {
    for (DemoUser demo : DemoUsers.ALL) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(DemoUsers.PASSWORD);
        identity.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
  }
}
