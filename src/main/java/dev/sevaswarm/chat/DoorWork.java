package dev.sevaswarm.chat;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Work a chat tool asked for, done after its request has been acknowledged (Slack wants an answer
 * within three seconds, the Bot Framework within fifteen), on a small pool of its own, and tried
 * again a little later when something on the way failed (say the tool's user lookup did not answer).
 */
@Component
public class DoorWork {

  private static final Logger LOG = LoggerFactory.getLogger(DoorWork.class);

  private final ExecutorService work = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "chat-door");
    thread.setDaemon(true);
    return thread;
  });

  @PreDestroy
  void stop() {
    work.shutdown();
  }

  /**
   * Carries the task out in the background.
   *
   * @param attempts how often to try; 1 for work whose effect must not be repeated (a button's claim)
   */
  public void later(String tool, Runnable task, int attempts) {
    work.submit(() -> safely(tool, task, attempts));
  }

  private static void safely(String tool, Runnable task, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        task.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= attempts) {
          LOG.error("A request from {} could not be carried out after {} attempts", tool, attempt, e);
          return;
        }
        LOG.warn("A request from {} failed (attempt {}), trying again: {}", tool, attempt, e.getMessage());
        try {
          Thread.sleep(1000L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
