package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A channel's peer that takes the connection and never answers is left alone for the pause, on
 * every channel: its sends fail at once instead of each holding a thread for the timeout, and the
 * other channels go on as usual.
 */
class PeerPauseTest {

  private static final Duration PAUSE = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofMillis(700);

  private final SilentServer silent = new SilentServer();
  private final ChannelSenders senders = new ChannelSenders(2, PAUSE);
  private GreenMail smtp;
  private JavaMailSenderImpl mailServer;

  @BeforeEach
  void startServers() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    mailServer = new JavaMailSenderImpl();
    mailServer.setHost("127.0.0.1");
    mailServer.setPort(port);
    mailServer.getJavaMailProperties().setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
    mailServer.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
  }

  @AfterEach
  void stopServers() throws IOException {
    senders.stop();
    smtp.stop();
    silent.close();
  }

  @Test
  void aMailServerThatDoesNotAnswer_isLeftAloneForThePause_thenOneMailAsksIt_andMailGoesAgainOnceItAnswers() throws Exception {
    int answering = mailServer.getPort();
    mailServer.setPort(silent.port());
    SmtpConnections connections = new SmtpConnections(mailServer, new SimpleMeterRegistry());
    Supplier<CompletableFuture<Object>> aMail = mails(connections);

    assertThatThrownBy(aMail.get()::join)
        .hasMessageContaining("the mail server 127.0.0.1:" + silent.port() + " did not answer in time");
    assertFailsAtOnce(aMail, "mail is not asked again before");

    Thread.sleep(PAUSE.toMillis() + 100);
    CompletableFuture<Object> asking = aMail.get();
    await().atMost(Duration.ofSeconds(5)).until(() -> silent.taken() == 2); // the asking mail waits for the greeting
    assertThatThrownBy(aMail.get()::join).as("only one mail asks after a pause")
        .hasMessageContaining("mail is not asked again before");
    assertThatThrownBy(asking::join).hasMessageContaining("did not answer in time (Exception reading response)");

    mailServer.setPort(answering); // the server is back
    Thread.sleep(PAUSE.toMillis() + 100);
    aMail.get().join();
    aMail.get().join();
    assertThat(smtp.getReceivedMessages()).as("the asking mail, then one as usual").hasSize(2);
    connections.closeAll();
  }

  @Test
  void aTeamsWebhookThatDoesNotAnswer_isLeftAlone_whileMailGoesOnAsUsual() {
    Supplier<CompletableFuture<Object>> aCard = teamsCards();

    assertThatThrownBy(aCard.get()::join).hasMessageContaining("Webhook 127.0.0.1 did not answer within");
    assertFailsAtOnce(aCard, "teams is not asked again before");

    SmtpConnections connections = new SmtpConnections(mailServer, new SimpleMeterRegistry());
    mails(connections).get().join();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    connections.closeAll();
  }

  @Test
  void theSlackApiThatDoesNotAnswer_isLeftAlone() {
    SlackWebApi slack = new SlackWebApi(timingOut(new SwarmProperties.Slack("xoxb-test", null, "C0123",
        "http://127.0.0.1:" + silent.port() + "/api/")));
    Supplier<CompletableFuture<String>> aPost = () -> senders.send("slack",
        () -> slack.post("C0123", "Sev A: SW-1001", List.of(), null));

    assertThatThrownBy(aPost.get()::join).hasMessageContaining("Slack chat.postMessage did not answer");
    assertFailsAtOnce(aPost, "slack is not asked again before");
  }

  @Test
  void theTeamsBotConnectorThatDoesNotAnswer_isLeftAlone() {
    String silentUrl = "http://127.0.0.1:" + silent.port() + "/";
    SwarmProperties properties = timingOut(null);
    BotConnector bot = new BotConnector(new SwarmProperties(null, null, null, null, properties.delivery(), null, null,
        new SwarmProperties.Teams("app-id", "app-password", null, silentUrl, "19:team@thread.tacv2",
            silentUrl + "token", null), null, null));
    Supplier<CompletableFuture<String>> aReply = () -> senders.send("teams",
        () -> bot.reply("19:team@thread.tacv2;messageid=1", JsonNodeFactory.instance.objectNode()));

    assertThatThrownBy(aReply.get()::join).hasMessageContaining("Teams token did not answer");
    assertFailsAtOnce(aReply, "teams is not asked again before");
  }

  @Test
  void aPeerThatRefusesAfterThePause_hasAnswered_andIsAskedAgainAtOnce() throws Exception {
    Supplier<CompletableFuture<Object>> aCard = teamsCards();
    assertThatThrownBy(aCard.get()::join).hasMessageContaining("did not answer within");
    assertFailsAtOnce(aCard, "teams is not asked again before");

    silent.close(); // nothing listens any more: a connection is refused at once
    Thread.sleep(PAUSE.toMillis() + 100);
    assertThatThrownBy(aCard.get()::join).hasMessageContaining("cannot be reached");
    assertThatThrownBy(aCard.get()::join).as("asked again, not left alone").hasMessageContaining("cannot be reached");
  }

  /** Cards to a Teams webhook at the silent server, each sent as a delivery sends it. */
  private Supplier<CompletableFuture<Object>> teamsCards() {
    WebhookClient webhook = new WebhookClient(timingOut(null));
    String url = "http://127.0.0.1:" + silent.port() + "/webhookb2/secret";
    return () -> senders.send("teams", () -> {
      webhook.post(url, "{}");
      return null;
    });
  }

  /** Mails over these connections, each sent as a delivery sends it. */
  private Supplier<CompletableFuture<Object>> mails(SmtpConnections connections) {
    return () -> senders.send(MailChannel.NAME, () -> {
      connections.send(mail());
      return null;
    });
  }

  /** The send fails without asking the peer, and at once, not after the timeout. */
  private void assertFailsAtOnce(Supplier<? extends CompletableFuture<?>> send, String message) {
    int taken = silent.taken();
    long started = System.nanoTime();
    assertThatThrownBy(send.get()::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(PeerPause.LeftAlone.class).hasMessageContaining(message)
        .hasMessageContaining("it did not answer in time");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed at once").isLessThan(TIMEOUT.dividedBy(2));
    assertThat(silent.taken()).as("the peer was not asked").isEqualTo(taken);
  }

  /** The application's settings, with the test's short timeouts and the given Slack app. */
  private static SwarmProperties timingOut(SwarmProperties.Slack slack) {
    return new SwarmProperties(null, null, null, null, new SwarmProperties.DeliverySettings(null, TIMEOUT, TIMEOUT, PAUSE, null),
        slack, null, null, null, null);
  }

  private MimeMessage mail() {
    try {
      MimeMessage mail = mailServer.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
      helper.setFrom("sev-a-swarm@localhost");
      helper.setTo("team@contoso.example");
      helper.setSubject("Sev A: SW-1001");
      helper.setText("text", "<p>html</p>");
      return mail;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes connections and never says a word: an SMTP server that does not greet, an HTTP server that does not answer. */
  private static final class SilentServer {

    private final ServerSocket socket;
    private final List<Socket> taken = new CopyOnWriteArrayList<>();

    SilentServer() {
      try {
        socket = new ServerSocket(0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread taking = new Thread(() -> {
        try {
          while (true) {
            taken.add(socket.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-server");
      taking.setDaemon(true);
      taking.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int taken() {
      return taken.size();
    }

    void close() {
      try {
        socket.close();
        for (Socket connection : taken) {
          connection.close();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
