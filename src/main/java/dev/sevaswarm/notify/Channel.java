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

  /**
   * Builds what {@link #deliver} would send, and sends nothing: the start-up rehearsal, so that the
   * first case's delivery does not pay for loading and compiling this code. May open and close a
   * connection (to the mail server, as the health check does; to this application itself).
   *
   * @param ownUrl a URL of this application that answers a GET; null: build only, connect nowhere
   */
  void rehearse(Delivery delivery, String ownUrl);
}
