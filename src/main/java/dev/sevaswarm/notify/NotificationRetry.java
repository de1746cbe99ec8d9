package dev.sevaswarm.notify;

import dev.sevaswarm.cases.PlaybookExpression;
import org.springframework.stereotype.Component;

/** The retry cycle of a failed delivery ({@code swarm.notify.retry-cycle}), read by the diagram. */
@PlaybookExpression
@Component("notificationRetry")
public class NotificationRetry {

  private final SwarmProperties properties;

  public NotificationRetry(SwarmProperties properties) {
    this.properties = properties;
  }

  public String getCycle() {
    return properties.delivery().retryCycle();
  }
}
