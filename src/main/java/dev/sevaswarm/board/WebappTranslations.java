package dev.sevaswarm.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Japanese for Camunda Cockpit and Admin, whose config.js offer {@code ja} to a browser that
 * prefers it: their {@code locales/ja.json} is the webapp's own English file with every label found
 * in our glossary (webapps/ja-glossary.json, English → Japanese) replaced. What the glossary does not
 * know reads in English, and a new Camunda version brings its new labels in English instead of
 * showing their keys. (Tasklist, where engineers work, has a translation of its own.)
 */
@RestController
class WebappTranslations {

  private static final String ENGLISH = "META-INF/resources/webjars/camunda/app/%s/locales/en.json";

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, byte[]> japanese = new ConcurrentHashMap<>();

  /**
   * Made before the first browser asks, so that its words arrive as fast as the webapp's own English
   * file: Admin sets a page's title once, as the page opens, and a title asked for before its words
   * have arrived keeps showing the label's key (USERS_USERS). Before the start-up rehearsal, which
   * ends by letting the JIT compiler finish.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(4)
  void prepare() {
    japanese("cockpit");
    japanese("admin");
  }

  @GetMapping(path = "/camunda/app/{app:cockpit|admin}/locales/ja.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> japanese(@PathVariable String app) {
    byte[] body = japanese.computeIfAbsent(app, this::translate);
    return body == null ? ResponseEntity.status(HttpStatus.NOT_FOUND).build() : ResponseEntity.ok(body);
  }

  private byte[] translate(String app) {
    try {
      JsonNode glossary = read("webapps/ja-glossary.json");
      ObjectNode locale = (ObjectNode) read(ENGLISH.formatted(app));
      ObjectNode labels = (ObjectNode) locale.path("labels");
      labels.fieldNames().forEachRemaining(key -> {
        JsonNode english = labels.get(key);
        if (english.isTextual() && glossary.has(english.asText())) {
          labels.put(key, glossary.get(english.asText()).asText());
        }
      });
      return json.writeValueAsBytes(locale);
    } catch (IOException | ClassCastException e) {
      return null;
    }
  }

  private JsonNode read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text); // Camunda's files start with a BOM
    }
  }
}
