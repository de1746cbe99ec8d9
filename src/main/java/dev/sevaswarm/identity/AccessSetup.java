package dev.sevaswarm.identity;

import static dev.sevaswarm.cases.Playbook.Group.AUDITORS;
import static dev.sevaswarm.cases.Playbook.Group.DUTY_MANAGERS;
import static dev.sevaswarm.cases.Playbook.Group.PROCESS_OWNERS;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.sevaswarm.cases.Playbook;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of PRODUCT.md and what each may do, created in every profile (people are added by
 * the demo profile or by an administrator). Tasks themselves are authorized by the engine, which
 * grants a task to its candidate groups and assignee.
 */
@Component
public class AccessSetup {

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TasklistFilters filters;

  public AccessSetup(IdentityService identity, AuthorizationService authorizations, TasklistFilters filters) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void setUp() {
    Roles.GROUPS.forEach(this::group);
    for (String worker : Roles.TASK_WORKERS) {
      grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // variables are personal data: reading them takes its own permission (see the README's roles)
      grant(worker, Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
      // any engineer may volunteer an area from Tasklist's "Start process"
      grant(worker, Resources.PROCESS_DEFINITION, Playbook.Process.VOLUNTEER_FOR_AREA, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(worker, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    for (String opener : Roles.CASE_OPENERS) {
      grant(opener, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(opener, Resources.PROCESS_DEFINITION, Playbook.Process.SUPPORT_REQUEST, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(opener, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    // duty managers see every case and every task, in Tasklist and Cockpit
    grant(DUTY_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(DUTY_MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY, Permissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(DUTY_MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(DUTY_MANAGERS, Resources.TASK, "*", Permissions.READ);
    // auditors read history and nothing else
    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    grant(AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    // process owners change the playbook: they deploy new versions and see how cases flow through
    // them, but delete nothing (no deployment, definition or history) and read no case's variables
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantExactly(PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.CREATE);
    grantExactly(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.UPDATE,
        Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.MIGRATE_INSTANCE);
    grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.UPDATE,
        Permissions.READ_HISTORY);
    grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    filters.setUp();
  }

  /** Grants exactly these permissions, taking back any others an earlier version granted. */
  void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = grantOf(groupId, resource, resourceId);
    Permission[] universe = resource == Resources.PROCESS_DEFINITION
        ? ProcessDefinitionPermissions.values() : Permissions.values();
    if (!authorization.isEveryPermissionGranted()
        && names(authorization.getPermissions(universe)).equals(names(permissions))) {
      return;
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private static java.util.Set<String> names(Permission[] permissions) {
    return java.util.Arrays.stream(permissions).map(Permission::getName)
        .filter(name -> !name.equals("NONE") && !name.equals("ALL")).collect(java.util.stream.Collectors.toSet());
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  /** Grants the permissions, adding them to the group's authorization on that resource if there is one. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = grantOf(groupId, resource, resourceId);
    if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    List.of(permissions).forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
  }

  /** The group's grant on the resource, or a new (unsaved) one granting nothing yet. */
  private Authorization grantOf(String groupId, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(groupId);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
  }
}
