package dev.sevaswarm.identity;

import static dev.sevaswarm.cases.Playbook.Group.ACCOUNT_TEAM;
import static dev.sevaswarm.cases.Playbook.Group.APPLICATION;
import static dev.sevaswarm.cases.Playbook.Group.AUDITORS;
import static dev.sevaswarm.cases.Playbook.Group.CAMUNDA_ADMIN;
import static dev.sevaswarm.cases.Playbook.Group.DUTY_MANAGERS;
import static dev.sevaswarm.cases.Playbook.Group.GUEST_OS;
import static dev.sevaswarm.cases.Playbook.Group.NETWORK;
import static dev.sevaswarm.cases.Playbook.Group.PLATFORM;
import static dev.sevaswarm.cases.Playbook.Group.PROCESS_OWNERS;
import static dev.sevaswarm.cases.Playbook.Group.SEV_A_ENGINEERS;
import static dev.sevaswarm.cases.Playbook.Group.STORAGE;
import static dev.sevaswarm.cases.Playbook.Group.SUPPORT_INTAKE;

import java.util.List;

/** The demo profile's people: one per role of PRODUCT.md, password "demo". */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@demo.sevaswarm.dev";
    }
  }

  public static final List<DemoUser> ALL = List.of(
      new DemoUser("intake", "Ida", "Intake", List.of(SUPPORT_INTAKE)),
      new DemoUser("eng-platform", "Pat", "Platform", List.of(PLATFORM, SEV_A_ENGINEERS)),
      new DemoUser("eng-storage", "Sam", "Storage", List.of(STORAGE, SEV_A_ENGINEERS)),
      new DemoUser("eng-network", "Nia", "Network", List.of(NETWORK, SEV_A_ENGINEERS)),
      new DemoUser("eng-os", "Oskar", "Guest OS", List.of(GUEST_OS, SEV_A_ENGINEERS)),
      new DemoUser("eng-app", "Aiko", "Application", List.of(APPLICATION, SEV_A_ENGINEERS)),
      // a second engineer for each area, so that the demo's experts span Tokyo, Dublin and Seattle hours
      new DemoUser("eng-kaito", "Kaito", "Sato", List.of(PLATFORM, STORAGE, SEV_A_ENGINEERS)),
      new DemoUser("eng-siobhan", "Siobhán", "Kelly", List.of(NETWORK, APPLICATION, SEV_A_ENGINEERS)),
      new DemoUser("eng-riley", "Riley", "Jones", List.of(STORAGE, NETWORK, GUEST_OS, SEV_A_ENGINEERS)),
      new DemoUser("duty-manager", "Dana", "Duty", List.of(DUTY_MANAGERS)),
      new DemoUser("account-manager", "Akira", "Account", List.of(ACCOUNT_TEAM)),
      new DemoUser("process-owner", "Olga", "Owner", List.of(PROCESS_OWNERS)),
      new DemoUser("auditor", "Aude", "Auditor", List.of(AUDITORS)),
      new DemoUser("admin", "Ada", "Admin", List.of(CAMUNDA_ADMIN)));

  private DemoUsers() {}
}
