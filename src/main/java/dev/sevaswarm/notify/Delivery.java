package dev.sevaswarm.notify;

import dev.sevaswarm.cases.SupportCase;
import java.util.List;

/**
 * One notification for one audience, composed and ready for a channel.
 *
 * @param people the user ids a notification for {@link Audience#PEOPLE} names
 */
public record Delivery(SupportCase supportCase, NotificationEvent event, Audience audience, ComposedMessage message,
    List<String> people) {}
