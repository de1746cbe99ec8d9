package dev.sevaswarm.notify;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that talk to the channels, a few per channel: the deliveries of one event go out side
 * by side, and a slow or hanging mail server holds up mail only, never a Teams card or a Slack
 * message. A send runs outside the delivery job's transaction, so what a channel stores on the way
 * (the case's chat thread) stays stored even when another channel of the same event fails.
 */
@Component
public class ChannelSenders {

  private final Map<String, ExecutorService> byChannel = new ConcurrentHashMap<>();
  /** As many as the job executor has threads: each of them may wait for one send per channel. */
  private final int threadsPerChannel;

  public ChannelSenders(@Value("${camunda.bpm.job-execution.max-pool-size:4}") int jobThreads) {
    this.threadsPerChannel = Math.max(1, jobThreads);
  }

  public <T> CompletableFuture<T> send(String channel, Supplier<T> sending) {
    return CompletableFuture.supplyAsync(sending, byChannel.computeIfAbsent(channel, this::threads));
  }

  private ExecutorService threads(String channel) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(threadsPerChannel, runnable -> {
      Thread thread = new Thread(runnable, "send-" + channel + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    byChannel.values().forEach(ExecutorService::shutdown);
  }
}
