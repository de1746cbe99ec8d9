package dev.sevaswarm.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo run's SMTP sink: every mail the application sends is caught here instead of leaving
 * the machine, so a newcomer can run the whole playbook without a mail server.
 */
@Configuration
@ConditionalOnProperty(name = "swarm.mail.embedded", havingValue = "true")
public class EmbeddedMailServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  public GreenMail embeddedSmtp(SwarmProperties properties) {
    ServerSetup smtp = new ServerSetup(properties.mail().embeddedPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    return new GreenMail(smtp);
  }
}
