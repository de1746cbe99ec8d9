package dev.sevaswarm.notify;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that talk to the channels, a few per channel: the deliveries of one event go out side
 * by side, and a slow or hanging mail server holds up mail only, never a Teams card or a Slack
 * message. A send runs outside the delivery job's transaction, so what a channel stores on the way
 * (the case's chat thread) stays stored even when another channel of the same event fails. A
 * channel whose peer did not answer in time is left alone for a while
 * ({@code swarm.delivery.pause-after-timeout}, {@link PeerPause}), so that it holds no job thread meanwhile.
 */
@Component
public class ChannelSenders {

  private record Peer(ExecutorService threads, PeerPause pause) {}

  private final Map<String, Peer> byChannel = new ConcurrentHashMap<>();
  /** As many as the job executor has threads: each of them may wait for one send per channel. */
  private final int threadsPerChannel;
  private final Duration pause;

  @Autowired
  public ChannelSenders(@Value("${camunda.bpm.job-execution.max-pool-size:4}") int jobThreads,
      SwarmProperties properties) {
    this(jobThreads, properties.delivery().pauseAfterTimeout());
  }

  ChannelSenders(int jobThreads, Duration pause) {
    this.threadsPerChannel = Math.max(1, jobThreads);
    this.pause = pause;
  }

  public <T> CompletableFuture<T> send(String channel, Supplier<T> sending) {
    Peer peer = byChannel.computeIfAbsent(channel, this::peer);
    return CompletableFuture.supplyAsync(() -> peer.pause().ask(sending), peer.threads());
  }

  private Peer peer(String channel) {
    AtomicInteger count = new AtomicInteger();
    return new Peer(Executors.newFixedThreadPool(threadsPerChannel, runnable -> {
      Thread thread = new Thread(runnable, "send-" + channel + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }), new PeerPause(channel, pause));
  }

  @PreDestroy
  void stop() {
    byChannel.values().forEach(peer -> peer.threads().shutdown());
  }
}
