package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.Playbook;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Integrations call with API tokens: issued once by an administrator, acting as their user with
 * its groups, revoked at once, and never locked out by someone trying wrong passwords for that
 * user; people's wrong passwords slow them down for a while, never for good.
 */
class ApiTokenTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;

  private String integrationUser() {
    String id = "zendesk-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("right-password");
    user.setEmail(id + "@example.com");
    identity.saveUser(user);
    identity.createMembership(id, Playbook.Group.SUPPORT_INTAKE);
    return id;
  }

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, HttpHeaders headers, String body) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(baseUrl() + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  private static String caseRequest() {
    return """
        {"externalId": "%s", "customer": "Contoso", "contactName": "Kenji Sato", "contactEmail": "kenji@contoso.example",
         "severity": "B", "plan": "RAPID_RESPONSE", "title": "Slow reports", "description": "Reports take minutes"}
        """.formatted(UUID.randomUUID());
  }

  @Test
  void aTokenActsAsItsUser_survivesWrongPasswords_andIsRefusedOnceRevoked() {
    String user = integrationUser();
    ResponseEntity<JsonNode> issued = call(HttpMethod.POST, "/api/tokens", basic("admin", "demo"),
        "{\"userId\": \"" + user + "\", \"name\": \"zendesk\"}");
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String token = issued.getBody().get("token").asText();
    String id = issued.getBody().get("id").asText();

    ResponseEntity<JsonNode> listed = call(HttpMethod.GET, "/api/tokens", basic("admin", "demo"), null);
    JsonNode entry = java.util.stream.StreamSupport.stream(listed.getBody().spliterator(), false)
        .filter(t -> t.get("id").asText().equals(id)).findFirst().orElseThrow();
    assertThat(entry.get("userId").asText()).isEqualTo(user);
    assertThat(entry.has("token")).isFalse();
    assertThat(listed.getBody().toString()).doesNotContain(token);
    assertThat(new JdbcTemplate(dataSource).queryForList("select token_hash from api_token", String.class))
        .as("only a hash is stored").doesNotContain(token);

    ResponseEntity<JsonNode> opened = call(HttpMethod.POST, "/api/cases", bearer(token), caseRequest());
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // a stranger trying passwords for the integration's user locks the password, not the token
    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(call(HttpMethod.GET, "/api/cases?status=OPEN", basic(user, "guess-" + attempt), null)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(call(HttpMethod.GET, "/api/cases?status=OPEN", basic(user, "right-password"), null).getStatusCode())
        .as("the password is throttled for now").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(HttpMethod.POST, "/api/cases", bearer(token), caseRequest()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(call(HttpMethod.GET, "/engine-rest/task/count", bearer(token), null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, basic("admin", "demo"), null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> revoked = call(HttpMethod.POST, "/api/cases", bearer(token), caseRequest());
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(HttpMethod.DELETE, "/api/tokens/" + id, basic("admin", "demo"), null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void wrongPasswordsSlowAPersonDown_butTheLockExpiresWithoutAnAdministrator() {
    String user = integrationUser();
    for (int attempt = 0; attempt < 15; attempt++) {
      assertThat(identity.checkPassword(user, "wrong")).isFalse();
    }
    assertThat(identity.checkPassword(user, "right-password")).as("throttled right after the attempts").isFalse();
    try {
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
      assertThat(identity.checkPassword(user, "right-password")).as("a minute later").isTrue();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void onlyAdministratorsManageTokens_andAnUnknownUserIsNamed() {
    assertThat(call(HttpMethod.POST, "/api/tokens", basic("duty-manager", "demo"),
        "{\"userId\": \"intake\", \"name\": \"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.GET, "/api/tokens", basic("intake", "demo"), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> unknown = call(HttpMethod.POST, "/api/tokens", basic("admin", "demo"),
        "{\"userId\": \"nobody-here\", \"name\": \"x\"}");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors").findValuesAsText("field")).containsExactly("userId");
    assertThat(call(HttpMethod.GET, "/api/cases?status=OPEN", bearer("sws_not-a-token"), null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
