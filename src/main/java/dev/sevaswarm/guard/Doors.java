package dev.sevaswarm.guard;

import dev.sevaswarm.identity.RestAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the guards stand: after the caller is known, before the engine acts. */
@Configuration
public class Doors {

  @Bean
  public FilterRegistrationBean<TaskCompletionFilter> taskCompletionDoor(TaskCompletionFields fields) {
    FilterRegistrationBean<TaskCompletionFilter> registration = new FilterRegistrationBean<>(new TaskCompletionFilter(fields));
    registration.setName("task-completion-fields");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(RestAuthentication.ORDER + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<BrowserSafeResponses> browserSafeResponses() {
    FilterRegistrationBean<BrowserSafeResponses> registration = new FilterRegistrationBean<>(new BrowserSafeResponses());
    registration.setName("browser-safe-responses");
    registration.addUrlPatterns("/api/*", "/board", "/board/*", "/mail");
    // before the caller is even asked for: a refused content type needs no credentials
    registration.setOrder(RestAuthentication.ORDER - 10);
    return registration;
  }
}
