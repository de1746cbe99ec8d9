package dev.sevaswarm.guard;

import dev.sevaswarm.identity.RestAuthentication;
import dev.sevaswarm.room.TaskComments;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the guards stand: after the caller is known, before the engine acts. */
@Configuration
public class Doors {

  @Bean
  public FilterRegistrationBean<EngineRestDoor> engineRestDoor(TaskCompletionFields fields, StartFormFields starts,
      TaskComments comments, IdentityService identity) {
    FilterRegistrationBean<EngineRestDoor> registration =
        new FilterRegistrationBean<>(new EngineRestDoor(fields, starts, comments, identity));
    registration.setName("engine-rest-door");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(RestAuthentication.ORDER + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<NoInternalsInErrors> noInternalsInErrors() {
    FilterRegistrationBean<NoInternalsInErrors> registration = new FilterRegistrationBean<>(new NoInternalsInErrors());
    registration.setName("no-internals-in-errors");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(RestAuthentication.ORDER - 20);
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
