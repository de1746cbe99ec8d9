package dev.sevaswarm.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.sevaswarm.cases.CaseThread;
import dev.sevaswarm.cases.ChatThreads;
import dev.sevaswarm.cases.ThreadEntry;
import dev.sevaswarm.cases.ThreadKind;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application with both chat doors open, as a team that uses Slack and Teams would run it:
 * the Slack app against WireMock standing in for Slack's Web API, and the Teams bot against
 * WireMock standing in for Microsoft's token endpoint, the Bot Connector and the Bot Framework's
 * OpenID metadata and keys (a key of the test's own signs the Bot Framework's tokens). Its own
 * application context and database: with the apps set, the team channels go through them, not the
 * webhooks. Every test class on it shares that one context.
 */
abstract class ChatDoorsTestSupport extends AppTestSupport {

  static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String SLACK_CHANNEL = "C0SWARM";
  static final WireMockServer SLACK = start();

  static final String TEAMS_APP_ID = "5ea0b0b0-7e57-4b07-a5a5-00000000b07a";
  static final String TEAMS_TENANT = "72f988bf-0000-4000-8000-2d7cd011db47";
  static final String TEAMS_CHANNEL = "19:swarm0channel@thread.tacv2";
  static final WireMockServer TEAMS = start();
  /** The key the Bot Framework signs with, as far as this application knows (published in the JWKS). */
  static final RSAKey BOT_FRAMEWORK_KEY = rsaKey("bf-key-1");

  @Autowired TestRestTemplate http;
  @Autowired ChatThreads threads;
  @Autowired CaseThread thread;

  /** The comments of the case, in the order they came. */
  List<ThreadEntry> comments(String caseId) {
    return thread.entries(caseId).stream().filter(e -> e.kind() == ThreadKind.COMMENT).toList();
  }

  private static WireMockServer start() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  static RSAKey rsaKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String teamsServiceUrl() {
    return TEAMS.baseUrl() + "/teams/";
  }

  @DynamicPropertySource
  static void chatApps(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:chat-tests;DB_CLOSE_DELAY=-1");
    // an engine of its own name: the engine REST API of the shared context looks "default" up by name
    registry.add("camunda.bpm.process-engine-name", () -> "chattests"); // (no hyphen: the starter ignores such names)
    registry.add("swarm.slack.bot-token", () -> "xoxb-test-token");
    registry.add("swarm.slack.signing-secret", () -> SLACK_SECRET);
    registry.add("swarm.slack.channel", () -> SLACK_CHANNEL);
    registry.add("swarm.slack.api-url", () -> SLACK.baseUrl() + "/api/");
    registry.add("swarm.teams.app-id", () -> TEAMS_APP_ID);
    registry.add("swarm.teams.app-password", () -> "bot-secret");
    registry.add("swarm.teams.tenant-id", () -> TEAMS_TENANT);
    registry.add("swarm.teams.channel-id", () -> TEAMS_CHANNEL);
    registry.add("swarm.teams.service-url", ChatDoorsTestSupport::teamsServiceUrl);
    registry.add("swarm.teams.token-url", () -> TEAMS.baseUrl() + "/oauth2/v2.0/token");
    registry.add("swarm.teams.openid-metadata-url", () -> TEAMS.baseUrl() + "/v1/.well-known/openidconfiguration");
  }

  /** What Microsoft's side answers whatever a test does: a token, and the metadata naming the keys. */
  static void microsoftIdentity() {
    TEAMS.stubFor(post(urlPathEqualTo("/oauth2/v2.0/token")).willReturn(okJson(
        "{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"ext_expires_in\": 3599, \"access_token\": \"bot-token-1\"}")));
    TEAMS.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration")).willReturn(okJson("""
        {"issuer": "https://api.botframework.com", "authorization_endpoint": "https://invalid.botframework.com",
         "jwks_uri": "%s/v1/.well-known/keys", "id_token_signing_alg_values_supported": ["RS256"],
         "token_endpoint_auth_methods_supported": ["private_key_jwt"]}""".formatted(TEAMS.baseUrl()))));
    TEAMS.stubFor(get(urlPathEqualTo("/v1/.well-known/keys"))
        .willReturn(okJson(new JWKSet(BOT_FRAMEWORK_KEY.toPublicJWK()).toString())));
  }
}
