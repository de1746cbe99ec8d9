package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Case text reaches the chat tools as text: no pings, no disguised links, and every Teams card fits. */
class ChannelPayloadTest {

  private static final String HOSTILE = "<!channel> <!everyone> <@U123> call <https://evil.example|Open the case> "
      + "or [Open the case](https://evil.example) & **now**";

  private static ComposedMessage message(String title, List<Fact> facts) {
    return new ComposedMessage("[SW-1001][Sev A] New Sev A case: " + title, "New case", "text", "<p>html</p>", facts,
        "http://localhost:8080/api/cases/SW-1001", "http://localhost:8080/camunda/app/tasklist/");
  }

  @Test
  void slackShowsCustomerTextAsText_neverAsPingsOrLinks() {
    JsonNode slack = new SlackChannel(null, null).message(message(HOSTILE, List.of(new Fact("Business impact", HOSTILE))));

    String all = slack.toString();
    assertThat(all).doesNotContain("<!channel>", "<!everyone>", "<@U123>", "<https://evil.example|");
    assertThat(slack.get("text").asText()).contains("&lt;!channel&gt;").contains("&amp;");
    assertThat(slack.get("blocks").findValuesAsText("text"))
        .anyMatch(t -> t.contains("&lt;https://evil.example|Open the case&gt;"));
  }

  @Test
  void teamsShowsMarkdownAsText() {
    JsonNode card = new TeamsChannel(null, null).card(message(HOSTILE, List.of(new Fact("Business impact", HOSTILE))))
        .get("attachments").get(0).get("content");

    String value = card.get("body").get(1).get("facts").get(0).get("value").asText();
    assertThat(value).contains("\\[Open the case\\]\\(https://evil.example\\)").contains("\\*\\*now\\*\\*");
    assertThat(card.get("body").get(0).get("text").asText()).contains("\\[Open the case\\]");
  }

  @Test
  void aJapaneseCaseWithALongFindingAndControlCharacters_fitsInOneTeamsCard() {
    String japanese = "店舗のPOS端末が決済サービスに接続できない。".repeat(200);
    String control = "\u0001\u0002\u0003".repeat(3000);
    List<Fact> facts = List.of(new Fact("Finding", japanese), new Fact("Business impact", japanese + control),
        new Fact("Description", control + japanese), new Fact("Customer", "コントソ・リテール"));

    JsonNode card = new TeamsChannel(null, null).card(message("POSが使えない" + control, facts));

    assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
    assertThat(card.toString()).doesNotContain("\\u0001");
    assertThat(card.findValuesAsText("value")).anyMatch(v -> v.endsWith("(the rest is in the case)"))
        .contains("コントソ・リテール");
    assertThat(card.get("attachments").get(0).get("content").get("actions").findValuesAsText("url"))
        .contains("http://localhost:8080/api/cases/SW-1001");
  }
}
