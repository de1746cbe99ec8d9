package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.CaseRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The app's pages and API cannot be sniffed, framed, cached or driven by a cross-site form. */
class BrowserSafeResponsesTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired CaseRepository cases;

  private ResponseEntity<String> get(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "demo");
    return http.exchange(baseUrl() + path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/cases?status=OPEN", "/board", "/board/sla", "/mail"})
  void everyPageAndAnswer_isNeitherSniffedNorFramed(String path) throws Exception {
    // the answer itself (the board sends a browser without a webapp login on to the login page)
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes()))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
  }

  @Test
  void apiAnswers_areNotCached() {
    assertThat(get("/api/cases?status=OPEN").getHeaders().getCacheControl()).isEqualTo("no-store");
  }

  @Test
  void aCrossSiteFormPost_withCachedCredentials_opensNoCase() {
    String externalId = "FORM-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    String form = "externalId=" + externalId + "&customer=Evil&contactName=x&contactEmail=x%40evil.example"
        + "&severity=A&plan=RAPID_RESPONSE&title=x&description=x";
    ResponseEntity<String> refused = http.exchange(baseUrl() + "/api/cases", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(cases.findByExternalId(externalId)).isEmpty();

    headers.setContentType(MediaType.TEXT_PLAIN);
    assertThat(http.exchange(baseUrl() + "/api/cases/SW-1001/raise", HttpMethod.POST, new HttpEntity<>("x", headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
}
