package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Severity;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.cases.SupportPlan;
import dev.sevaswarm.identity.TasklistFilters;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the team, sales and duty managers read, in the team's language (swarm.team.locale) and zone
 * (swarm.team.time-zone), with UTC alongside when the team works elsewhere; English and UTC as before
 * by default.
 */
class TeamLanguageTest {

  static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-28T23:45:00Z");
  static final SupportCase CASE = SupportCase.reported("SW-1001", "EXT-1", "Contoso Retail", "Kenji", "k@contoso.example",
      Severity.A, SupportPlan.RAPID_RESPONSE, "店舗の POS が使えない", "POS down", "店舗が開けられない", null,
      List.of("pos"), "intake", DUE.minusMinutes(15), "pi-1").withSla(DUE.minusMinutes(15), DUE);

  private static MessageComposer composer(Locale locale, String zone) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    SwarmProperties properties = new SwarmProperties(null, null, null, null, null, null, null, null, null,
        new SwarmProperties.Team(locale, zone == null ? null : ZoneId.of(zone)));
    TasklistFilters filters = new TasklistFilters(null, null, null) {
      @Override
      public Optional<String> caseTasksFilterId() {
        return Optional.empty();
      }
    };
    return new MessageComposer(properties, filters, null, messages);
  }

  private static String fact(ComposedMessage message, String key) {
    return message.facts().stream().filter(f -> f.key().equals(key)).map(Fact::value).findFirst().orElseThrow();
  }

  private static String title(ComposedMessage message, String key) {
    return message.facts().stream().filter(f -> f.key().equals(key)).map(Fact::title).findFirst().orElseThrow();
  }

  @Test
  void aJapaneseTeamInTokyo_readsJapanese_withTokyoTimeAndUtcAlongside() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("nextActionDue", "2026-11-29T00:30:00Z");
    ComposedMessage message = composer(Locale.JAPANESE, "Asia/Tokyo").compose(CASE, NotificationEvent.INTAKE_BROADCAST,
        Audience.TEAM, details);

    assertThat(message.subject()).isEqualTo("[SW-1001][Sev A] 新しい Sev A ケース: 店舗の POS が使えない");
    assertThat(title(message, "firstResponseDue")).isEqualTo("初回回答期限");
    assertThat(fact(message, "firstResponseDue")).isEqualTo("2026年11月29日 08:45 (JST) · 2026-11-28T23:45:00Z");
    assertThat(title(message, "nextActionDue")).isEqualTo("次のアクションの期限");
    assertThat(fact(message, "nextActionDue")).isEqualTo("2026年11月29日 09:30 (JST) · 2026-11-29T00:30:00Z");
    assertThat(composer(Locale.JAPANESE, "Asia/Tokyo").compose(CASE, NotificationEvent.SALES_NOTICE, Audience.SALES,
        Map.of()).headline()).isEqualTo("お客様の Sev A ケース");
  }

  @Test
  void anEnglishTeamInNewYork_readsNewYorkTime_andByDefaultEverythingStaysAsItWas() {
    ComposedMessage newYork = composer(Locale.ENGLISH, "America/New_York").compose(CASE,
        NotificationEvent.INTAKE_BROADCAST, Audience.TEAM, Map.of());
    assertThat(fact(newYork, "firstResponseDue")).isEqualTo("Nov 28, 2026, 6:45 PM (EST) · 2026-11-28T23:45:00Z");

    ComposedMessage byDefault = composer(null, null).compose(CASE, NotificationEvent.INTAKE_BROADCAST, Audience.TEAM,
        Map.of("nextActionDue", "2026-11-29T00:30:00.123Z"));
    assertThat(byDefault.subject()).isEqualTo("[SW-1001][Sev A] New Sev A case: 店舗の POS が使えない");
    assertThat(title(byDefault, "firstResponseDue")).isEqualTo("First response due");
    assertThat(fact(byDefault, "firstResponseDue")).isEqualTo("2026-11-28T23:45:00Z");
    assertThat(fact(byDefault, "nextActionDue")).isEqualTo("2026-11-29T00:30:00.123Z");
  }

  @Test
  void theChatThreadsParentSpeaksTheTeamsLanguage_factsAndButtons() {
    org.springframework.beans.factory.support.StaticListableBeanFactory beans =
        new org.springframework.beans.factory.support.StaticListableBeanFactory();
    beans.addBean("state", new CaseState() {
      @Override
      public List<Fact> of(String caseId) {
        return List.of(new Fact("担当者", "eng-network", CaseState.OWNER));
      }

      @Override
      public List<String> joinableAreas() {
        return List.of("storage");
      }
    });
    MessageComposer japanese = composer(Locale.JAPANESE, "Asia/Tokyo");
    TeamsThread thread = new TeamsThread(null, null, null, beans.getBeanProvider(CaseState.class), japanese);
    ThreadedChat.Parent parent = thread.parent(CASE, "http://localhost:8080/api/cases/SW-1001");
    assertThat(parent.owned()).as("known by the fact's key, whatever its title").isTrue();
    String card = TeamsCards.parent(parent, null, null).toString();
    assertThat(card).contains("お客様", "参加: storage", "ケースを開く").doesNotContain("Join: ", "Open the case");
  }

  @Test
  void theChatDoorsAnswerInTheTeamsLanguage() {
    dev.sevaswarm.chat.DoorActions japanese = new dev.sevaswarm.chat.DoorActions(null, null, null, null, null, null,
        composer(Locale.JAPANESE, "Asia/Tokyo"), null);
    dev.sevaswarm.identity.Caller sales = new dev.sevaswarm.identity.Caller("account-manager", List.of("sales"));
    dev.sevaswarm.identity.Caller engineer = new dev.sevaswarm.identity.Caller("eng-storage", List.of("storage"));
    assertThat(japanese.stranger("Teams").answer())
        .isEqualTo("できません：あなたの Teams アカウントに対応する Sev A Swarm のユーザーがいません");
    assertThat(japanese.join("SW-1001", "storage", sales).answer()).isEqualTo("できません：調査に加われるのはスウォームのエンジニアです");
    assertThat(japanese.join("SW-1001", "nowhere", engineer).answer()).isEqualTo("分離領域「nowhere」はありません");

    dev.sevaswarm.chat.DoorActions english = new dev.sevaswarm.chat.DoorActions(null, null, null, null, null, null,
        composer(null, null), null);
    assertThat(english.join("SW-1001", "storage", sales).answer())
        .isEqualTo("Not allowed: joining an investigation is for the swarm's engineers");
    assertThat(english.join("SW-1001", "nowhere", engineer).answer()).isEqualTo("There is no isolation area 'nowhere' to join");
  }

  @Test
  void theThreadKeepsWordsNotSentences_andEachReaderGetsTheirLanguage() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    dev.sevaswarm.cases.ThreadEntry handover = new dev.sevaswarm.cases.ThreadEntry(1, "SW-1001", DUE, "sev-a-swarm",
        dev.sevaswarm.cases.ThreadKind.OWNERSHIP, "eng-kaito's shift ends: time to hand the case over",
        dev.sevaswarm.cases.ThreadWords.of("thread.handover.shiftEnds", "eng-kaito"));
    assertThat(handover.text(messages, Locale.ENGLISH)).isEqualTo("eng-kaito's shift ends: time to hand the case over");
    assertThat(handover.text(messages, Locale.JAPANESE)).isEqualTo("eng-kaito のシフトが終わります。ケースを引き継ぐ時間です");
    dev.sevaswarm.cases.ThreadEntry before = new dev.sevaswarm.cases.ThreadEntry(2, "SW-1001", DUE, "sev-a-swarm",
        dev.sevaswarm.cases.ThreadKind.NOTE, "An entry from before words were kept");
    assertThat(before.text(messages, Locale.JAPANESE)).as("older entries keep their English").isEqualTo(
        "An entry from before words were kept");
  }

  @Test
  void anInvitationReadsInTheTeamsLanguage() {
    assertThat(composer(Locale.JAPANESE, "Asia/Tokyo").teamWord("people.invitation.area", "storage", "SW-1001",
        "storage skill 3", "http://localhost:8080/board/invitations/7", "storage"))
        .startsWith("SW-1001 の storage の調査に、いまシフト中で最も適したエンジニアとしてあなたが選ばれました")
        .contains("http://localhost:8080/board/invitations/7");
  }
}
