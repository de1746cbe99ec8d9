package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Mail from one thread shares a connection, unless it sat idle longer than the limit. */
class SmtpConnectionsTest {

  private GreenMail smtp;
  private JavaMailSenderImpl sender;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @BeforeEach
  void startServer() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
  }

  @AfterEach
  void stopServer() {
    smtp.stop();
  }

  @Test
  void mailsInARow_shareOneConnection() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, metrics, Duration.ofMinutes(1), Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      connections.send(mail("in a row " + i));
    }
    assertThat(opened()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    connections.closeAll();
  }

  @Test
  void aConnectionIdleLongerThanTheLimit_isReplacedWithoutAsking() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, metrics, Duration.ZERO, Duration.ofSeconds(30));
    connections.send(mail("first"));
    Thread.sleep(5); // longer than the limit of nothing
    connections.send(mail("after a pause"));
    assertThat(opened()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    connections.closeAll();
  }

  @Test
  void aServerThatDoesNotAnswer_isLeftAloneForThePause_thenOneMailAsksIt_andMailGoesAgainOnceItAnswers() throws Exception {
    sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "1000");
    sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "1000");
    int answering = sender.getPort();
    try (ServerSocket silent = new ServerSocket(0)) { // takes connections, never greets
      List<Socket> taken = new CopyOnWriteArrayList<>();
      Thread taking = new Thread(() -> {
        try {
          while (true) {
            taken.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      taking.setDaemon(true);
      taking.start();
      sender.setPort(silent.getLocalPort());
      Duration pause = Duration.ofSeconds(1);
      SmtpConnections connections = new SmtpConnections(sender, metrics, Duration.ofMinutes(1), pause);

      assertThatThrownBy(() -> connections.send(mail("into the silence")))
          .hasMessageContaining("did not answer in time (Exception reading response)");
      long started = System.nanoTime();
      assertThatThrownBy(() -> connections.send(mail("during the pause")))
          .hasMessageContaining("did not answer in time; it is not asked again before");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed at once").isLessThan(Duration.ofMillis(200));

      Thread.sleep(pause.toMillis() + 100);
      CompletableFuture<Void> asking = CompletableFuture.runAsync(() -> connections.send(mailQuietly("asks the server")));
      await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 2); // the asking mail waits for the greeting
      assertThatThrownBy(() -> connections.send(mail("while another asks")))
          .as("only one mail asks after a pause").hasMessageContaining("it is not asked again before");
      assertThatThrownBy(asking::join).hasMessageContaining("did not answer in time (Exception reading response)");

      sender.setPort(answering); // the server is back
      Thread.sleep(pause.toMillis() + 100);
      connections.send(mail("asks the server that is back"));
      connections.send(mail("goes as usual"));
      assertThat(smtp.getReceivedMessages()).hasSize(2);
      connections.closeAll();
      for (Socket socket : taken) {
        socket.close();
      }
    }
  }

  private MimeMessage mailQuietly(String subject) {
    try {
      return mail(subject);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private double opened() {
    return metrics.find("swarm_smtp_connections_opened").counter().count();
  }

  private MimeMessage mail(String subject) throws Exception {
    MimeMessage mail = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
    helper.setFrom("sev-a-swarm@localhost");
    helper.setTo("team@contoso.example");
    helper.setSubject(subject);
    helper.setText("text", "<p>html</p>");
    return mail;
  }
}
