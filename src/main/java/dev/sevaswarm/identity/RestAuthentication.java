package dev.sevaswarm.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic and API tokens for the engine REST API, the case API and the metrics (see
 * {@link ApiAuthenticationFilter}). The webapps keep their own login; health stays public.
 */
@Configuration
public class RestAuthentication {

  /** Late among the servlet filters (after encoding and the webapps' own), early before the guards. */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity, ApiTokens tokens) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, tokens));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/mail", "/actuator/prometheus", "/actuator/metrics",
        "/actuator/metrics/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
