package dev.sevaswarm.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's identity service for the engine REST API, the case API and the
 * metrics. The request then runs as that user with their groups, so Camunda's authorizations
 * apply and history records who did it. The webapps keep their own login; health stays public.
 */
@Configuration
public class RestAuthentication {

  /** Late among the servlet filters (after encoding and the webapps' own), early before the guards. */
  public static final int ORDER = org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest", "/engine-rest/*");
  }

  @Bean
  public FilterRegistrationBean<Filter> caseApiAuthentication() {
    return basicAuthentication("case-api-authentication", "", "/api/*", "/mail", "/actuator/prometheus",
        "/actuator/metrics", "/actuator/metrics/*");
  }

  private static FilterRegistrationBean<Filter> basicAuthentication(String name, String pathPrefix,
      String... urlPatterns) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.setOrder(ORDER);
    registration.addUrlPatterns(urlPatterns);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, pathPrefix);
    return registration;
  }
}
