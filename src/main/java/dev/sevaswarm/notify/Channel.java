package dev.sevaswarm.notify;

/** A way to reach people: e-mail, a Teams or a Slack incoming webhook. */
public interface Channel {

  /** the name used in delivery targets, the delivery log and the thread */
  String name();

  /** whether this channel is configured to reach the audience */
  boolean reaches(Audience audience);

  /**
   * Sends the message or throws; returns who received it, for the record.
   */
  String deliver(Delivery delivery);
}
