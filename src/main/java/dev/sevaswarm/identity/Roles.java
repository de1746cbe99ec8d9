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

import java.util.LinkedHashMap;
import java.util.Map;

/** The groups of PRODUCT.md and their display names. */
public final class Roles {

  public static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(SUPPORT_INTAKE, "Support intake");
    GROUPS.put(SEV_A_ENGINEERS, "Sev A rotation");
    GROUPS.put(PLATFORM, "Platform / host");
    GROUPS.put(STORAGE, "Storage");
    GROUPS.put(NETWORK, "Network / firewall");
    GROUPS.put(GUEST_OS, "Guest OS");
    GROUPS.put(APPLICATION, "Application");
    GROUPS.put(DUTY_MANAGERS, "Duty managers");
    GROUPS.put(ACCOUNT_TEAM, "Account team");
    GROUPS.put(PROCESS_OWNERS, "Process owners");
    GROUPS.put(AUDITORS, "Auditors");
  }

  /** Groups whose members work tasks in Tasklist. */
  public static final java.util.List<String> TASK_WORKERS =
      java.util.List.of(SEV_A_ENGINEERS, PLATFORM, STORAGE, NETWORK, GUEST_OS, APPLICATION, DUTY_MANAGERS);

  /** Groups whose members may open a case from Tasklist's start form or the API. */
  public static final java.util.List<String> CASE_OPENERS = java.util.List.of(SUPPORT_INTAKE, SEV_A_ENGINEERS);

  /** Groups whose members may volunteer areas and raise cases. */
  public static final java.util.List<String> CASE_WORKERS =
      java.util.List.of(SEV_A_ENGINEERS, PLATFORM, STORAGE, NETWORK, GUEST_OS, APPLICATION, DUTY_MANAGERS, CAMUNDA_ADMIN);

  /** Every group of PRODUCT.md, and the administrators: all of them may read every case. */
  public static java.util.List<String> readers() {
    java.util.List<String> readers = new java.util.ArrayList<>(GROUPS.keySet());
    readers.add(CAMUNDA_ADMIN);
    return readers;
  }

  /** The swarm's groups and duty managers, and auditors: who may read invitations and people's credit. */
  public static final java.util.List<String> SWARM_AND_AUDITORS = java.util.stream.Stream.concat(
      CASE_WORKERS.stream(), java.util.stream.Stream.of(AUDITORS)).toList();

  /** Who may read a case's audit trail. */
  public static final java.util.List<String> AUDIT_READERS = java.util.List.of(AUDITORS, DUTY_MANAGERS, CAMUNDA_ADMIN);

  /** Who may change the playbook, migrate running cases and read the demo run's caught mail. */
  public static final java.util.List<String> PLAYBOOK_OWNERS = java.util.List.of(PROCESS_OWNERS, CAMUNDA_ADMIN);

  /** Who may open a case through the API. */
  public static java.util.List<String> apiOpeners() {
    return java.util.List.of(SUPPORT_INTAKE, SEV_A_ENGINEERS, CAMUNDA_ADMIN);
  }

  private Roles() {}
}
