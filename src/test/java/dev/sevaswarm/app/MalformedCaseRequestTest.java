package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sevaswarm.cases.FieldLimits;
import dev.sevaswarm.cases.Playbook;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hostile and careless request bodies: each is refused with a 4xx problem document naming the bad
 * field, and none of them starts a process or leaves a half-made case.
 */
class MalformedCaseRequestTest extends AppTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUGE = "x".repeat(1_000_000);

  @Autowired TestRestTemplate http;

  static ObjectNode valid() {
    ObjectNode body = JSON.createObjectNode();
    body.put("externalId", "MAL-" + System.nanoTime());
    body.put("customer", "Contoso Retail");
    body.put("contactName", "Kenji Sato");
    body.put("contactEmail", "kenji.sato@contoso.example");
    body.put("severity", "A");
    body.put("plan", "RAPID_RESPONSE");
    body.put("title", "POS down");
    body.put("description", "All stores");
    body.put("businessImpact", "High");
    body.put("recoverBy", "2026-11-29T06:00:00+09:00");
    body.putArray("services").add("pos");
    return body;
  }

  /** A domain label of this length (a label may have at most 63 characters). */
  static String label(int length) {
    return "c".repeat(length);
  }

  static Arguments edit(String name, String field, Consumer<ObjectNode> change) {
    ObjectNode body = valid();
    change.accept(body);
    return Arguments.of(name, body.toString(), field);
  }

  static Arguments raw(String name, String body, String field) {
    return Arguments.of(name, body, field);
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        edit("missing externalId", "externalId", b -> b.remove("externalId")),
        edit("blank externalId", "externalId", b -> b.put("externalId", "  ")),
        edit("numeric externalId", "externalId", b -> b.put("externalId", 12345)),
        edit("oversized externalId", "externalId", b -> b.put("externalId", "e".repeat(201))),
        edit("missing customer", "customer", b -> b.remove("customer")),
        edit("null customer", "customer", b -> b.putNull("customer")),
        edit("object customer", "customer", b -> b.putObject("customer").put("name", "Contoso")),
        edit("oversized customer", "customer", b -> b.put("customer", "c".repeat(201))),
        edit("missing contactName", "contactName", b -> b.remove("contactName")),
        edit("array contactName", "contactName", b -> b.putArray("contactName").add("Kenji")),
        edit("missing contactEmail", "contactEmail", b -> b.remove("contactEmail")),
        edit("contactEmail without @", "contactEmail", b -> b.put("contactEmail", "kenji.contoso.example")),
        edit("contactEmail with spaces", "contactEmail", b -> b.put("contactEmail", "kenji sato@contoso.example")),
        edit("boolean contactEmail", "contactEmail", b -> b.put("contactEmail", true)),
        edit("missing severity", "severity", b -> b.remove("severity")),
        edit("unknown severity", "severity", b -> b.put("severity", "D")),
        edit("lower-case severity word", "severity", b -> b.put("severity", "critical")),
        edit("numeric severity", "severity", b -> b.put("severity", 1)),
        edit("missing plan", "plan", b -> b.remove("plan")),
        edit("unknown plan", "plan", b -> b.put("plan", "GOLD")),
        edit("numeric plan", "plan", b -> b.put("plan", 3)),
        edit("missing title", "title", b -> b.remove("title")),
        edit("empty title", "title", b -> b.put("title", "")),
        edit("numeric title", "title", b -> b.put("title", 42)),
        edit("oversized title", "title", b -> b.put("title", "t".repeat(301))),
        edit("huge title", "title", b -> b.put("title", HUGE)),
        edit("missing description", "description", b -> b.remove("description")),
        edit("huge description", "description", b -> b.put("description", HUGE)),
        edit("oversized businessImpact", "businessImpact", b -> b.put("businessImpact", "i".repeat(5001))),
        edit("numeric businessImpact", "businessImpact", b -> b.put("businessImpact", 300000000)),
        edit("recoverBy without offset", "recoverBy", b -> b.put("recoverBy", "2026-11-29T06:00:00")),
        edit("recoverBy as a date", "recoverBy", b -> b.put("recoverBy", "2026-11-29")),
        edit("recoverBy in words", "recoverBy", b -> b.put("recoverBy", "tomorrow morning")),
        edit("recoverBy as epoch", "recoverBy", b -> b.put("recoverBy", 1764370800)),
        edit("services as a string", "services", b -> b.put("services", "pos")),
        edit("services with a number", "services", b -> b.putArray("services").add("pos").add(7)),
        edit("services with a blank", "services", b -> b.putArray("services").add(" ")),
        edit("too many services", "services", b -> {
          var services = b.putArray("services");
          for (int i = 0; i < 51; i++) {
            services.add("svc-" + i);
          }
        }),
        edit("oversized service name", "services", b -> b.putArray("services").add("s".repeat(101))),
        // one past each limit the database holds (FieldLimits), and what PostgreSQL cannot store
        edit("description one past its limit", "description", b -> b.put("description", "d".repeat(4001))),
        edit("businessImpact one past its limit", "businessImpact", b -> b.put("businessImpact", "i".repeat(4001))),
        edit("contactEmail without a domain", "contactEmail", b -> b.put("contactEmail", "kenji@localhost")),
        edit("contactEmail with a quoted name", "contactEmail",
            b -> b.put("contactEmail", "\"kenji sato\"@contoso.example")),
        edit("contactEmail one past its limit", "contactEmail",
            b -> b.put("contactEmail", "k".repeat(64) + "@" + label(60) + "." + label(60) + "." + label(60) + ".example")),
        edit("NUL in the title", "title", b -> b.put("title", "POS\u0000down")),
        edit("control character in the description", "description", b -> b.put("description", "a\u0007b")),
        edit("NUL in a service", "services", b -> b.putArray("services").add("p\u0000s")),
        edit("recoverBy at +16:00", "recoverBy", b -> b.put("recoverBy", "2026-11-29T06:00:00+16:00")),
        edit("recoverBy in year 999999999", "recoverBy", b -> b.put("recoverBy", "+999999999-12-31T23:59:59Z")),
        raw("malformed JSON", "{\"externalId\": \"x\", ", "$"),
        raw("JSON array", "[1,2,3]", "$"),
        raw("JSON string", "\"a case\"", "$"),
        raw("JSON null", "null", "$"),
        raw("empty object", "{}", "externalId"),
        raw("deeply nested", "{\"customer\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "$"),
        raw("not JSON at all", "customer=Contoso&severity=A", "$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void isRefusedWithAProblemNamingTheField(String name, String body, String field) {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).count()
        + engineHistory().createHistoricProcessInstanceQuery().processDefinitionKey(Playbook.Process.SUPPORT_REQUEST)
            .finished().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> answer = http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);

    assertThat(answer.getStatusCode().value()).as(name).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    List<String> fields = answer.getBody().get("errors").findValuesAsText("field");
    assertThat(fields).as(name).contains(field);
    long after = runtime.createProcessInstanceQuery().processDefinitionKey(Playbook.Process.SUPPORT_REQUEST).count()
        + engineHistory().createHistoricProcessInstanceQuery().processDefinitionKey(Playbook.Process.SUPPORT_REQUEST)
            .finished().count();
    assertThat(after).as("no process started for " + name).isEqualTo(before);
  }

  @Autowired org.camunda.bpm.engine.HistoryService history;

  private org.camunda.bpm.engine.HistoryService engineHistory() {
    return history;
  }

  @org.junit.jupiter.api.Test
  void everyFieldAtItsLimit_isAcceptedStoredAndReadBack() {
    ObjectNode body = valid();
    body.put("customer", "c".repeat(FieldLimits.NAME));
    body.put("contactName", "佐".repeat(FieldLimits.NAME));
    body.put("title", "t".repeat(FieldLimits.TITLE));
    body.put("description", "説".repeat(FieldLimits.LONG_TEXT));
    body.put("businessImpact", "i".repeat(FieldLimits.LONG_TEXT));
    body.put("contactEmail", "k".repeat(64) + "@" + label(60) + "." + label(60) + "." + label(59) + ".example");
    body.put("recoverBy", "2026-11-29T06:00:00-12:00");
    var services = body.putArray("services");
    for (int i = 0; i < FieldLimits.SERVICES; i++) {
      services.add(String.format("%03d", i) + "s".repeat(FieldLimits.SERVICE - 3));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = http.exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(body.toString(), headers), JsonNode.class);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String caseId = created.getBody().get("caseId").asText();
    JsonNode read = http.withBasicAuth("intake", "demo").getForObject("/api/cases/" + caseId, JsonNode.class);
    assertThat(read.get("description").asText()).hasSize(FieldLimits.LONG_TEXT);
    assertThat(read.get("services")).hasSize(FieldLimits.SERVICES);
    org.awaitility.Awaitility.await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Playbook.Task.TAKE_OWNERSHIP).count() == 1);
  }

  @org.junit.jupiter.api.Test
  void everyBadFieldIsListed() {
    ObjectNode body = valid();
    body.put("severity", "Z");
    body.put("plan", 7);
    body.put("title", "");
    body.put("contactEmail", "nope");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    JsonNode problem = http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body.toString(), headers),
        JsonNode.class).getBody();
    assertThat(problem.get("errors").findValuesAsText("field"))
        .containsExactly("contactEmail", "severity", "plan", "title");
  }

  @org.junit.jupiter.api.Test
  void aBodyThatIsNotJson_isRefusedAsUnsupported() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("intake", "demo");
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<JsonNode> answer = http.exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>("severity A please", headers), JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(415);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
