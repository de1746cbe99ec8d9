package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.notify.DeliverNotificationDelegate.Published;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * A delivery reads what was published from its one Json variable, with every target of the event;
 * deliveries started before that (one target each in the Json variable, or six variables of their
 * own, still waiting or retried after an upgrade) read the same.
 */
class PublishedNotificationTest {

  @Test
  void anEventOfTodayNamesEveryTarget() {
    DelegateExecution today = mock(DelegateExecution.class);
    when(today.getBusinessKey()).thenReturn("SW-1001");
    when(today.getVariable(Var.NOTIFICATION)).thenReturn("""
        {"event": "INTAKE_BROADCAST", "eventKey": "k-2", "publishedAt": "2026-11-30T08:00:00Z",
         "targets": ["TEAM:teams", "TEAM:mail", "SALES:mail"], "details": {}}""");

    assertThat(Published.of(today).targets()).containsExactly(new Notifications.Target(Audience.TEAM, "teams"),
        new Notifications.Target(Audience.TEAM, "mail"), new Notifications.Target(Audience.SALES, "mail"));
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

    Published published = Published.of(oneTarget);
    assertThat(published.caseId()).isEqualTo("SW-1001");
    assertThat(published.event()).isEqualTo(NotificationEvent.FINDING);
    assertThat(published.targets()).containsExactly(new Notifications.Target(Audience.TEAM, "teams"));
    assertThat(published.details()).containsEntry("finding", "SAN latency normal").containsEntry("verdict", null);
    assertThat(Published.of(before)).isEqualTo(published);
  }
}
