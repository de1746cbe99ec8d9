package dev.sevaswarm.notify;

import dev.sevaswarm.cases.SupportCase;

/** One notification for one audience, composed and ready for a channel. */
public record Delivery(SupportCase supportCase, NotificationEvent event, Audience audience, ComposedMessage message) {}
