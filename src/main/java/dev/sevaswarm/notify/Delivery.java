package dev.sevaswarm.notify;

import dev.sevaswarm.cases.SupportCase;
import java.util.List;
import java.util.Map;

/**
 * One notification for one audience, composed and ready for a channel.
 *
 * @param details what the event said (e.g. which door a comment came through)
 */
public record Delivery(SupportCase supportCase, NotificationEvent event, Audience audience, ComposedMessage message,
    Map<String, String> details) {

  /** The detail that names the door a comment came in through (a chat tool does not echo its own). */
  public static final String VIA = "via";

  /** The user ids a notification for {@link Audience#PEOPLE} names. */
  public List<String> people() {
    String people = details.get(MessageComposer.PEOPLE);
    return people == null || people.isBlank() ? List.of() : List.of(people.split("\\s*,\\s*"));
  }
}
