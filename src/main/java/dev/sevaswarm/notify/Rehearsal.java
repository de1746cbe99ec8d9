package dev.sevaswarm.notify;

import java.util.function.Supplier;

/**
 * Marks the start-up rehearsal on this thread: deliveries build their messages and try their
 * connections, and send and record nothing (see {@code intake.StartUpRehearsal}).
 */
public final class Rehearsal {

  private static final ThreadLocal<String> OWN_URL = new ThreadLocal<>();

  private Rehearsal() {}

  /** Runs the work as a rehearsal; {@code ownUrl} is a URL of this application that answers a GET. */
  public static <T> T during(String ownUrl, Supplier<T> work) {
    OWN_URL.set(ownUrl);
    try {
      return work.get();
    } finally {
      OWN_URL.remove();
    }
  }

  static boolean on() {
    return OWN_URL.get() != null;
  }

  static String ownUrl() {
    return OWN_URL.get();
  }
}
