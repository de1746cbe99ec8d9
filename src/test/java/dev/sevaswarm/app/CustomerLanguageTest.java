package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.Playbook.Var;
import dev.sevaswarm.notify.CustomerWords;
import dev.sevaswarm.notify.NotificationEvent;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The customer is spoken to in their language and time zone: a Tokyo customer reads Japanese with
 * times in JST, a New York customer English with times in EST, and both read their engineer's name.
 */
class CustomerLanguageTest extends AppTestSupport {

  @Autowired TestRestTemplate http;
  @Autowired CustomerWords words;
  @Autowired CaseRepository cases;

  private ResponseEntity<JsonNode> open(String locale, String zone) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = """
        {"externalId": "%s", "customer": "Contoso", "contactName": "佐藤 健二", "contactEmail": "kenji@contoso.example",
         "severity": "A", "plan": "RAPID_RESPONSE", "title": "POS down", "description": "All stores",
         "locale": %s, "timeZone": %s}""".formatted(UUID.randomUUID(), locale, zone);
    return http.exchange(baseUrl() + "/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {
      "ja | Asia/Tokyo | 2026年11月29日 08:45 (JST) | 担当エンジニア | Nia Network | 佐藤 健二 様",
      "en | America/New_York | Nov 28, 2026, 6:45 PM (EST) | Your engineer | Nia Network | Dear 佐藤 健二,",
      "ja | America/New_York | 2026年11月28日 18:45 (EST) | 担当エンジニア | Nia Network | 佐藤 健二 様",
      "en | Asia/Tokyo | Nov 29, 2026, 8:45 AM (JST) | Your engineer | Nia Network | Dear 佐藤 健二,"})
  void everyCustomerMessage_inTheirLanguage_withTimesInTheirZoneAndTheEngineersName(String locale, String zone,
      String time, String engineerLabel, String engineer, String greeting) {
    String caseId = open("\"" + locale + "\"", "\"" + zone + "\"").getBody().get("caseId").asText();
    SupportCase c = cases.find(caseId).orElseThrow();
    Map<String, String> promise = Map.of("message", "調査中です / investigating", "yourEngineer", "eng-network",
        "nextUpdateBy", "2026-11-28T23:45:00Z");
    for (NotificationEvent event : new NotificationEvent[] {NotificationEvent.FIRST_RESPONSE,
        NotificationEvent.CUSTOMER_UPDATE, NotificationEvent.CLOSURE, NotificationEvent.DECLINED,
        NotificationEvent.DOWNGRADED}) {
      CustomerWords.Words said = words.of(c, event, promise);
      assertThat(said.subject()).as(event.name()).startsWith("[" + caseId + "][Sev A] ");
      assertThat(said.greeting()).isEqualTo(greeting);
      assertThat(said.text()).as(event.name()).isNotBlank();
      assertThat(said.headline()).as(event.name() + " headline in the customer's language").matches(locale.equals("ja") ? "(?s).*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*" : "(?s)[ -~]+");
    }
    CustomerWords.Words first = words.of(c, NotificationEvent.FIRST_RESPONSE, promise);
    assertThat(first.facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo(time))
        .anySatisfy(f -> {
          assertThat(f.title()).isEqualTo(engineerLabel);
          assertThat(f.value()).isEqualTo(engineer);
        });
  }

  @Test
  void theFirstResponseMailReachesATokyoCustomerInJapanese() throws Exception {
    String caseId = open("\"ja\"", "\"Asia/Tokyo\"").getBody().get("caseId").asText();
    takeOwnership(caseId, "eng-network", Variables.createVariables()
        .putValue(Var.NEXT_CONTACT_AT, "2030-01-01T00:00:00Z"), "network");
    MimeMessage mail = await().until(() -> mailAbout(caseId).stream().filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals("kenji@contoso.example");
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).findFirst().orElse(null), m -> m != null);
    assertThat(mail.getSubject()).isEqualTo("[" + caseId + "][Sev A] お問い合わせの対応を開始しました: POS down");
    assertThat(part(mail, "text/plain")).contains("佐藤 健二 様").contains("2030年1月1日 09:00 (JST)")
        .contains("担当エンジニア: Nia Network").doesNotContain("eng-network");
  }

  @Test
  void anUnknownLanguageOrZone_isNamed() {
    ResponseEntity<JsonNode> refused = open("\"fr\"", "\"Mars/Olympus\"");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("locale", "timeZone");
    assertThat(open("null", "null").getStatusCode()).as("both optional").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theCaseThreadIsShownInTheReadersLanguage_whatPeopleWroteAsTheyWroteIt() {
    String caseId = open("\"ja\"", "\"Asia/Tokyo\"").getBody().get("caseId").asText();
    HttpHeaders comment = new HttpHeaders();
    comment.setBasicAuth("eng-storage", "demo");
    comment.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange(baseUrl() + "/api/cases/" + caseId + "/comments", HttpMethod.POST,
        new HttpEntity<>("{\"text\": \"SAN は正常です / SAN looks fine\"}", comment), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    java.util.function.Function<String, List<String>> timeline = language -> {
      HttpHeaders reader = new HttpHeaders();
      reader.setBasicAuth("eng-network", "demo");
      if (language != null) {
        reader.set(HttpHeaders.ACCEPT_LANGUAGE, language);
      }
      return http.exchange(baseUrl() + "/api/cases/" + caseId, HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class)
          .getBody().get("timeline").findValuesAsText("text");
    };
    assertThat(timeline.apply("ja-JP,ja;q=0.9")).contains("Sev A のケースを受け付けました（Contoso）：POS down",
        "SAN は正常です / SAN looks fine");
    assertThat(timeline.apply(null)).as("English without Accept-Language")
        .contains("Sev A case opened for Contoso: POS down", "SAN は正常です / SAN looks fine");
    assertThat(timeline.apply("fr-FR")).as("English for a language we have no words in")
        .contains("Sev A case opened for Contoso: POS down");
  }
}
