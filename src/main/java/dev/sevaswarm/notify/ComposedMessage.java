package dev.sevaswarm.notify;

import java.util.List;

/**
 * A message ready for any channel; built from the case and the event alone (no send-time stamp),
 * so a repeated delivery is recognisably the same message.
 *
 * @param subject starts with the case id and severity
 * @param headline what happened
 * @param text the plain-text body
 * @param html the HTML body
 * @param facts the case facts a card shows
 * @param caseLink the case in this application
 * @param tasklistLink the case's tasks in Tasklist
 */
public record ComposedMessage(String subject, String headline, String text, String html, List<Fact> facts,
    String caseLink, String tasklistLink) {

  /**
   * A labelled value of a card or mail.
   *
   * @param key what the fact is, whatever language its title is in
   */
  public record Fact(String title, String value, String key) {

    public Fact(String title, String value) {
      this(title, value, title);
    }
  }
}
