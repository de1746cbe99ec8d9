package dev.sevaswarm.cases;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One line of a case thread: who said or did what, and when. {@code text} is in English; an entry the
 * playbook wrote also has its {@code words}, to be shown in the reader's language.
 */
public record ThreadEntry(long id, String caseId, OffsetDateTime at, String actor, ThreadKind kind, String text,
    ThreadWords words) {

  public ThreadEntry(long id, String caseId, OffsetDateTime at, String actor, ThreadKind kind, String text) {
    this(id, caseId, at, actor, kind, text, null);
  }

  /** The entry in the reader's language (its English text where the bundles have no words for it). */
  public String text(MessageSource messages, Locale locale) {
    if (words == null) {
      return text;
    }
    return messages.getMessage(words.key(), words.args().toArray(), text, locale);
  }
}
