package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.notify.DeliverNotificationDelegate.Published;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A delivery reads what a step published from its one Json variable: each event with every target;
 * deliveries started before that (one event and target in the Json variable, or six variables of
 * their own, still waiting or retried after an upgrade) read the same.
 */
class PublishedNotificationTest {

  @Test
  void aStepsEventsAreReadEachWithEveryTarget() {
    DelegateExecution today = mock(DelegateExecution.class);
    when(today.getBusinessKey()).thenReturn("SW-1001");
    when(today.getVariable(Var.NOTIFICATION)).thenReturn("""
        {"events": [
          {"event": "INTAKE_BROADCAST", "eventKey": "k-2", "publishedAt": "2026-11-30T08:00:00Z",
           "targets": ["TEAM:teams", "TEAM:mail"], "details": {}},
          {"event": "SALES_NOTICE", "eventKey": "k-3", "publishedAt": "2026-11-30T08:00:00Z",
           "targets": ["SALES:mail"], "details": {"raised": null}}]}""");

    List<Published> events = Published.of(today);
    assertThat(events).extracting(Published::event)
        .containsExactly(NotificationEvent.INTAKE_BROADCAST, NotificationEvent.SALES_NOTICE);
    assertThat(events).extracting(Published::caseId).containsOnly("SW-1001");
    assertThat(events.get(0).targets()).containsExactly(new Notifications.Target(Audience.TEAM, "teams"),
        new Notifications.Target(Audience.TEAM, "mail"));
    assertThat(events.get(1).targets()).containsExactly(new Notifications.Target(Audience.SALES, "mail"));
    assertThat(events.get(1).details()).containsEntry("raised", null);
  }

  @Test
  void deliveriesStartedBeforeTheUpgradesReadTheSame() {
    DelegateExecution oneTarget = mock(DelegateExecution.class);
    when(oneTarget.getBusinessKey()).thenReturn("SW-1001");
    when(oneTarget.getVariable(Var.NOTIFICATION)).thenReturn("""
        {"event": "FINDING", "eventKey": "k-1", "publishedAt": "2026-11-29T08:00:00Z", "target": "TEAM:teams",
         "details": {"finding": "SAN latency normal", "verdict": null}}""");

    DelegateExecution before = mock(DelegateExecution.class);
    when(before.getVariable(Var.CASE_ID)).thenReturn("SW-1001");
    when(before.getVariable(Var.EVENT)).thenReturn("FINDING");
    when(before.getVariable(Var.EVENT_KEY)).thenReturn("k-1");
    when(before.getVariable(Var.PUBLISHED_AT)).thenReturn("2026-11-29T08:00:00Z");
    when(before.getVariable(Var.TARGET)).thenReturn("TEAM:teams");
    when(before.getVariable(Var.DETAILS)).thenReturn("{\"finding\": \"SAN latency normal\", \"verdict\": null}");

    Published published = Published.of(oneTarget).get(0);
    assertThat(published.caseId()).isEqualTo("SW-1001");
    assertThat(published.event()).isEqualTo(NotificationEvent.FINDING);
    assertThat(published.targets()).containsExactly(new Notifications.Target(Audience.TEAM, "teams"));
    assertThat(published.details()).containsEntry("finding", "SAN latency normal").containsEntry("verdict", null);
    assertThat(Published.of(before)).containsExactly(published);
  }
}
