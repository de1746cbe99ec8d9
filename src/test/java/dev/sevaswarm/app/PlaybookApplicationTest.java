package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.identity.DemoUsers;
import dev.sevaswarm.identity.DemoUsers.DemoUser;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The running application: what is deployed, who can log in, and a case from intake to the customer's inbox. */
class PlaybookApplicationTest extends AppTestSupport {

  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired FormService forms;
  @Autowired TestRestTemplate http;

  @Test
  void diagramsTablesAndFormsAreDeployedTogether() {
    ProcessDefinition swarm = repository.createProcessDefinitionQuery()
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).processDefinitionVersion(1).singleResult();
    List<String> resources = repository.getDeploymentResourceNames(swarm.getDeploymentId()).stream()
        .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
    assertThat(resources).contains("support-request.bpmn", "sev-a-swarm.bpmn", "case-notification.bpmn",
        "response-times.dmn", "isolation-routing.dmn", "start-case.form", "take-ownership.form",
        "investigate-area.form", "update-customer.form", "handle-escalation.form", "confirm-resolution.form",
        "plan-next-step.form", "post-incident-review.form", "handle-case.form");
  }

  @Test
  void volunteeringFromTasklist_asksForExactlyWhatTheOfferStepReads() throws Exception {
    ProcessDefinition volunteer = repository.createProcessDefinitionQuery()
        .processDefinitionKey(Playbook.Process.VOLUNTEER_FOR_AREA).latestVersion().singleResult();
    JsonNode form;
    try (InputStream deployed = forms.getDeployedStartForm(volunteer.getId())) {
      form = new ObjectMapper().readTree(deployed);
    }
    // the form Tasklist shows on "Start process", bound to the diagram's deployment
    assertThat(form.findValuesAsText("key")).containsExactlyInAnyOrder(Var.CASE_ID, Var.AREA);
  }

  @Test
  void demoUsersLogInWithTheirGroups() {
    for (DemoUser demo : DemoUsers.ALL) {
      assertThat(identity.checkPassword(demo.id(), "demo")).as(demo.id() + " logs in").isTrue();
      List<String> groups = identity.createGroupQuery().groupMember(demo.id()).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      assertThat(groups).as(demo.id() + "'s groups").containsAll(demo.groups());
    }
    // (a wrong password for a demo user would slow that user's next login down for other tests)
    assertThat(identity.checkPassword("nobody-" + java.util.UUID.randomUUID(), "demo")).isFalse();
  }

  @Test
  void eachPersonLandsOnTheirSavedFilters() {
    List<String> engineerFilters = as("eng-network", () -> filters.createFilterQuery().list())
        .stream().map(Filter::getName).toList();
    assertThat(engineerFilters).contains("My Sev A cases", "Sev A cases to take", "Investigations for my area")
        .doesNotContain("Escalations");
    List<String> managerFilters = as("duty-manager", () -> filters.createFilterQuery().list())
        .stream().map(Filter::getName).toList();
    assertThat(managerFilters).contains("Escalations");
    // Tasklist opens the filter of the lowest priority first: a Sev A waiting for an owner
    Filter first = as("eng-network", () -> filters.createFilterQuery().list()).stream()
        .min(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
        .orElseThrow();
    assertThat(first.getName()).isEqualTo("Sev A cases to take");
    Filter managersFirst = as("duty-manager", () -> filters.createFilterQuery().list()).stream()
        .min(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
        .orElseThrow();
    assertThat(managersFirst.getName()).isEqualTo("Escalations");
  }

  /** The OpenAPI document as clients read it; .ci/run lints it (redocly) after the suite. */
  @Test
  void theOpenApiDocumentIsServed_andKeptForTheLinter() throws Exception {
    org.springframework.http.ResponseEntity<String> document = http.getForEntity("/v3/api-docs", String.class);
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document.getBody());
    assertThat(document.getBody()).contains("/api/cases", "/api/tokens", "/api/cases/{caseId}/comments");
  }

  @Test
  void healthIsPublic_metricsAreNot() {
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    String metrics = http.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(metrics).contains("swarm_open_cases{", "severity=\"A\"", "status=\"OPEN\"");
  }

  @Test
  void theEnginesNewRowsGetIdsInTimeOrder() {
    // new rows go to the end of each index of the engine's tables, not to a random page of it (TimeOrderedIds)
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessInstance request = openSevACase("Ids in time order " + i);
      ids.add(request.getId());
      ids.add(awaitTask(request.getBusinessKey(), Task.TAKE_OWNERSHIP).getId());
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
  }

  @Test
  void sevACase_reachesTheRotationAndTheFirstResponseReachesTheCustomersInbox() throws Exception {
    ProcessInstance request = openSevACase("Stores cannot open: POS down");
    String caseId = request.getBusinessKey();
    OffsetDateTime opened = CaseClock.now();

    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    assertThat(tasks.getIdentityLinksForTask(take.getId())).extracting("groupId").contains("sev-a-engineers");
    OffsetDateTime due = OffsetDateTime.parse((String) tasks.getVariable(take.getId(), Var.FIRST_RESPONSE_DUE));
    assertThat(due).isBetween(opened.plusMinutes(14), opened.plusMinutes(16));
    assertThat(tasks.getVariable(take.getId(), Var.FIRST_RESPONSE_WARNING_AT)).isNotNull();
    assertThat(tasks.getVariable(take.getId(), Var.UPDATE_CADENCE_MINUTES)).isEqualTo(30);

    // the team list and the account team hear about it at intake
    await().until(() -> mailAbout(caseId).size() >= 2);
    assertThat(mailAbout(caseId)).extracting(m -> m.getAllRecipients()[0].toString())
        .contains("sev-a-team@demo.sevaswarm.dev", "account-team@demo.sevaswarm.dev");

    as("eng-network", () -> {
      tasks.claim(take.getId(), "eng-network");
      completeAsAPersonWould(take.getId(), Variables.createVariables()
          .putValue(Var.FIRST_RESPONSE, "対応中です。We are investigating the network and storage now.")
          .putValueTyped(Var.ISOLATION_AREAS, SpinValues.jsonValue("[\"network\",\"storage\"]").create())
          .putValue(Var.NEXT_CONTACT_AT, CaseClock.format(CaseClock.now().plusMinutes(30))));
      return null;
    });

    MimeMessage firstResponse = await().until(() -> mailAbout(caseId).stream()
        .filter(m -> hasRecipient(m, "kenji.sato@contoso.example")).findFirst().orElse(null), m -> m != null);
    assertThat(firstResponse.getSubject()).isEqualTo("[" + caseId + "][Sev A] We are working on your case: "
        + "Stores cannot open: POS down");
    String body = part(firstResponse, "text/plain");
    assertThat(body).contains("Dear 佐藤 健二", "対応中です。We are investigating the network and storage now.",
        "Your engineer: Nia Network");
    assertThat(part(firstResponse, "text/html")).contains("<p>Dear 佐藤 健二,</p>")
        .doesNotContain("Open the case's tasks").as("nothing internal for the customer");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
        .taskCandidateGroup("storage").count()).isEqualTo(1);
  }

  private static boolean hasRecipient(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
