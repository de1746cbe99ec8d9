package dev.sevaswarm.people;

import dev.sevaswarm.cases.PlaybookExpression;
import org.springframework.stereotype.Component;

/**
 * Whether the team keeps people's profiles at all: without any, there is nobody to rank or invite,
 * and the diagrams skip the invitation loop instead of starting one that ends at once.
 */
@PlaybookExpression
@Component("peopleKept")
public class PeopleKept {

  private final Profiles profiles;

  public PeopleKept(Profiles profiles) {
    this.profiles = profiles;
  }

  public boolean any() {
    return profiles.any();
  }
}
