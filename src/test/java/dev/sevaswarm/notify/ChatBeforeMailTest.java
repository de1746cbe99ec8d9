package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.cases.SupportCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The chat posts of a step leave before its mails: on a machine with few cores, what starts first
 * runs first, and a mail (built, then an SMTP conversation) would hold the Teams card back.
 */
class ChatBeforeMailTest {

  private static Channel channel(String name) {
    Channel channel = mock(Channel.class);
    when(channel.name()).thenReturn(name);
    when(channel.deliver(any())).thenReturn(name + " recipients");
    return channel;
  }

  @Test
  void theTeamsCardAndTheSlackMessageAreStartedBeforeTheMails() {
    List<String> started = new ArrayList<>();
    ChannelSenders inOrder = new ChannelSenders(1, Duration.ZERO) {
      @Override
      public <T> CompletableFuture<T> send(String channel, Supplier<T> sending) {
        started.add(channel);
        return CompletableFuture.completedFuture(sending.get());
      }
    };
    CaseRepository cases = mock(CaseRepository.class);
    when(cases.find("SW-1001")).thenReturn(Optional.of(mock(SupportCase.class)));
    MessageComposer composer = mock(MessageComposer.class);
    when(composer.compose(any(), any(), any(), any())).thenReturn(mock(ComposedMessage.class));
    DeliveryLog log = mock(DeliveryLog.class);
    when(log.delivered(anyCollection())).thenReturn(Set.of());
    // the channels in the order Spring lists them (by name), mail first
    DeliverNotificationDelegate delivery = new DeliverNotificationDelegate(cases, composer,
        List.of(channel(MailChannel.NAME), channel("slack"), channel("teams")), log, new SimpleMeterRegistry(),
        mock(NotificationRetry.class), inOrder);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getBusinessKey()).thenReturn("SW-1001");
    when(execution.getVariable(Var.NOTIFICATION)).thenReturn("""
        {"events": [
          {"event": "INTAKE_BROADCAST", "eventKey": "k-1", "publishedAt": "2026-12-06T08:00:00Z",
           "targets": ["TEAM:mail", "TEAM:slack", "TEAM:teams"], "details": {}},
          {"event": "SALES_NOTICE", "eventKey": "k-2", "publishedAt": "2026-12-06T08:00:00Z",
           "targets": ["SALES:mail"], "details": {}}]}""");

    delivery.execute(execution);

    assertThat(started).containsExactly("slack", "teams", MailChannel.NAME, MailChannel.NAME);
  }
}
