package dev.sevaswarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
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
    SmtpConnections connections = new SmtpConnections(sender, metrics, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      connections.send(mail("in a row " + i));
    }
    assertThat(opened()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    connections.closeAll();
  }

  @Test
  void aConnectionIdleLongerThanTheLimit_isReplacedWithoutAsking() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, metrics, Duration.ZERO);
    connections.send(mail("first"));
    Thread.sleep(5); // longer than the limit of nothing
    connections.send(mail("after a pause"));
    assertThat(opened()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    connections.closeAll();
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
