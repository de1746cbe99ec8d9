package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The swarm.* configuration as an operator writes it. */
class SwarmPropertiesTest {

  private static SwarmProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("swarm", SwarmProperties.class);
  }

  @Test
  void emptyChannelsAreSkipped_notErrors() {
    SwarmProperties properties = bind(Map.of("swarm.broadcast.teams-webhook-url", "",
        "swarm.broadcast.slack-webhook-url", " "));
    assertThat(properties.broadcast().teamsWebhookUrl()).isEmpty();
    assertThat(properties.delivery().retryCycle()).isEqualTo("R3/PT1M");
  }

  @Test
  void aWebhookUrlThatIsNotHttp_stopsStartUpNamingTheProperty() {
    assertThatThrownBy(() -> bind(Map.of("swarm.broadcast.teams-webhook-url", "outlook.office.com/webhook/x")))
        .hasRootCauseMessage("swarm.broadcast.teams-webhook-url must be an http(s) URL (or empty to skip the channel), "
            + "but is 'outlook.office.com/webhook/x'");
    assertThatThrownBy(() -> bind(Map.of("swarm.broadcast.slack-webhook-url", "ftp://hooks.slack.com/x")))
        .hasRootCauseMessage("swarm.broadcast.slack-webhook-url must be an http(s) URL (or empty to skip the channel), "
            + "but is 'ftp://hooks.slack.com/x'");
  }

  @Test
  void aPeerThatDidNotAnswerIsLeftAloneForHalfAMinute_unlessTheOperatorSaysOtherwise() {
    assertThat(bind(Map.of()).delivery().pauseAfterTimeout()).hasSeconds(30);
    assertThat(bind(Map.of("swarm.delivery.pause-after-timeout", "5s")).delivery().pauseAfterTimeout()).hasSeconds(5);
    assertThatThrownBy(() -> bind(Map.of("swarm.delivery.pause-after-timeout", "-5s")))
        .hasRootCauseMessage("swarm.delivery.pause-after-timeout must not be negative: PT-5S");
  }

  @Test
  void whoHearsWhatIsConfiguration() {
    SwarmProperties properties = bind(Map.of("swarm.delivery.routes.FINDING", "TEAM,DUTY_MANAGERS",
        "swarm.delivery.routes.CUSTOMER_UPDATE", "CUSTOMER,SALES"));
    assertThat(properties.audiencesOf(NotificationEvent.FINDING)).containsExactly(Audience.TEAM, Audience.DUTY_MANAGERS);
    assertThat(properties.audiencesOf(NotificationEvent.CUSTOMER_UPDATE))
        .containsExactly(Audience.CUSTOMER, Audience.SALES);
    assertThat(properties.audiencesOf(NotificationEvent.CLOSURE)).as("default")
        .isEqualTo(List.of(Audience.CUSTOMER, Audience.SALES, Audience.TEAM));
  }

  @Test
  void aTeamsBotWithoutItsPasswordOrChannel_stopsStartUpNamingWhatIsMissing() {
    assertThatThrownBy(() -> bind(Map.of("swarm.teams.app-id", "00000000-0000-0000-0000-0000000000b0",
        "swarm.teams.channel-id", "19:abc@thread.tacv2")))
        .hasRootCauseMessage("swarm.teams.app-id is set, so the bot also needs swarm.teams.app-password"
            + " (or leave swarm.teams.app-id empty to use the Teams webhook)");
    assertThatThrownBy(() -> bind(Map.of("swarm.teams.app-id", "b0", "swarm.teams.app-password", "secret")))
        .hasRootCauseMessage("swarm.teams.app-id is set, so the bot also needs swarm.teams.channel-id"
            + " (or leave swarm.teams.app-id empty to use the Teams webhook)");
  }

  @Test
  void theTeamsBotsEndpointsDefaultToMicrosofts_andASingleTenantBotGetsItsTokensFromItsTenant() {
    SwarmProperties.Teams none = bind(Map.of()).teams();
    assertThat(none.bot()).isFalse();
    assertThat(none.serviceUrl()).isEqualTo("https://smba.trafficmanager.net/teams/");
    assertThat(none.tokenUrl()).isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
    assertThat(none.openidMetadataUrl()).isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
    SwarmProperties.Teams tenant = bind(Map.of("swarm.teams.app-id", "b0", "swarm.teams.app-password", "secret",
        "swarm.teams.channel-id", "19:abc@thread.tacv2", "swarm.teams.tenant-id", "contoso-tenant",
        "swarm.teams.service-url", "https://smba.trafficmanager.net/emea")).teams();
    assertThat(tenant.bot()).isTrue();
    assertThat(tenant.tokenUrl()).isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
    assertThat(tenant.serviceUrl()).as("replies go to {serviceUrl}v3/...").isEqualTo("https://smba.trafficmanager.net/emea/");
  }
}
