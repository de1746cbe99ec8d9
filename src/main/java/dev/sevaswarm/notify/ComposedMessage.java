package dev.sevaswarm.notify;

/** A message ready for a channel; built from the case and the event alone, so a repeat is identical. */
public record ComposedMessage(String subject, String text) {}
