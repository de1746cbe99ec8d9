package dev.sevaswarm.notify;

import java.util.function.Supplier;

/**
 * Marks the start-up rehearsal on this thread: deliveries build their messages and try their
 * connections, and send and record nothing (see {@code intake.StartUpRehearsal}).
 */
public final class Rehearsal {

  private record Stage(String ownUrl) {}

  private static final ThreadLocal<Stage> STAGE = new ThreadLocal<>();

  private Rehearsal() {}

  /**
   * Runs the work as a rehearsal.
   *
   * @param ownUrl a URL of this application that answers a GET, for the channels to try their
   *     connections; null: they build their messages only
   */
  public static <T> T during(String ownUrl, Supplier<T> work) {
    STAGE.set(new Stage(ownUrl));
    try {
      return work.get();
    } finally {
      STAGE.remove();
    }
  }

  static boolean on() {
    return STAGE.get() != null;
  }

  /** Where to try connections, or null: not in this round. */
  static String ownUrl() {
    Stage stage = STAGE.get();
    return stage == null ? null : stage.ownUrl();
  }
}
