package dev.sevaswarm.notify;

import java.util.regex.Pattern;

/**
 * Case text (written by customers and engineers) as the chat tools must receive it to show it as
 * text: Slack's mrkdwn turns {@code <!channel>}, {@code <@U123>} and {@code <url|label>} into
 * pings and disguised links unless {@code & < >} are escaped; Teams' Markdown turns
 * {@code [label](url)} into a link unless its brackets are escaped.
 */
final class ChannelText {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\\\[\\]()*_`~>#])");

  private ChannelText() {}

  /** As Slack documents: &amp; &lt; &gt; are the only characters mrkdwn needs escaped. */
  static String slack(String text) {
    return text == null ? null : plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Markdown's punctuation backslash-escaped, so no link, emphasis or heading forms. */
  static String teams(String text) {
    return text == null ? null : MARKDOWN.matcher(plain(text)).replaceAll("\\\\$1");
  }

  /** Without control characters (which show as nothing, and which JSON writes six bytes each). */
  static String plain(String text) {
    return text == null ? null : CONTROL.matcher(text).replaceAll("");
  }

  /** Escaped for Teams and at most max characters of the text, saying where the rest is. */
  static String teams(String text, int max, String rest) {
    String plain = plain(text);
    if (plain == null || plain.length() <= max) {
      return teams(plain);
    }
    return teams(plain.substring(0, max)) + "…" + (rest.isEmpty() ? "" : " " + rest);
  }
}
