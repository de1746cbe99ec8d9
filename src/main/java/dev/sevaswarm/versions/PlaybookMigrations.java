package dev.sevaswarm.versions;

import dev.sevaswarm.cases.Playbook;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Moves running cases of older playbook versions to the latest one with Camunda's migration API,
 * where every waiting activity has its counterpart; the cases that cannot move are reported with
 * the reason and stay, unharmed, on their version.
 */
@Service
public class PlaybookMigrations {

  /** The playbook's processes, parents first. */
  public static final List<String> PLAYBOOK =
      List.of(Playbook.Process.SUPPORT_REQUEST, Playbook.Process.SEV_A_SWARM, Playbook.Process.CASE_NOTIFICATION);

  /** One instance moved, or not. */
  public record Outcome(String caseId, String processInstanceId, String from, String to, String reason) {}

  /** What a migration run did. */
  public record Report(List<Outcome> migrated, List<Outcome> notMigrated) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;

  public PlaybookMigrations(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  public Report migrateToLatest(List<String> processKeys) {
    List<Outcome> migrated = new ArrayList<>();
    List<Outcome> notMigrated = new ArrayList<>();
    for (String key : processKeys) {
      List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .orderByProcessDefinitionVersion().asc().list();
      if (versions.isEmpty()) {
        continue;
      }
      ProcessDefinition latest = versions.get(versions.size() - 1);
      for (ProcessDefinition older : versions.subList(0, versions.size() - 1)) {
        migrate(older, latest, migrated, notMigrated);
      }
    }
    return new Report(migrated, notMigrated);
  }

  private void migrate(ProcessDefinition older, ProcessDefinition latest, List<Outcome> migrated,
      List<Outcome> notMigrated) {
    List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list();
    if (running.isEmpty()) {
      return;
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().updateEventTriggers()
          .build();
    } catch (RuntimeException noMapping) {
      running.forEach(p -> notMigrated.add(outcome(p, older, latest, noMapping.getMessage())));
      return;
    }
    for (ProcessInstance instance : running) {
      try {
        runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
        migrated.add(outcome(instance, older, latest, null));
      } catch (RuntimeException refused) {
        notMigrated.add(outcome(instance, older, latest, refused.getMessage()));
      }
    }
  }

  private static Outcome outcome(ProcessInstance instance, ProcessDefinition from, ProcessDefinition to,
      String reason) {
    return new Outcome(instance.getBusinessKey(), instance.getId(), from.getKey() + ":" + from.getVersion(),
        to.getKey() + ":" + to.getVersion(), reason);
  }
}
