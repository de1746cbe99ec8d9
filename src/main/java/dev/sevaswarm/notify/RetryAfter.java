package dev.sevaswarm.notify;

/**
 * A chat tool's {@code 429 Retry-After}: a short wait is waited out, so the attempt still succeeds;
 * a longer one fails the attempt and leaves the wait to the delivery's retry cycle.
 */
final class RetryAfter {

  private static final long MAX_WAIT_SECONDS = 5;

  private RetryAfter() {}

  /** Whether the wait the header asks for was short enough, and has been waited. */
  static boolean waitedOut(String retryAfter) {
    try {
      long seconds = retryAfter == null ? -1 : Long.parseLong(retryAfter.trim());
      if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
        return false;
      }
      Thread.sleep(seconds * 1000);
      return true;
    } catch (NumberFormatException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
