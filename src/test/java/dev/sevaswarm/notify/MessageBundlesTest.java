package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word has its translation: a key missing from a language's bundle fails the build. */
class MessageBundlesTest {

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  @Test
  void japaneseHasEveryEnglishKey_andNoOther() throws IOException {
    Properties english = bundle("messages.properties");
    Properties japanese = bundle("messages_ja.properties");
    assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(japanese.values()).noneMatch(value -> value.toString().isBlank());
  }
}
