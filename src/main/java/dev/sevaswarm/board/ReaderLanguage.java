package dev.sevaswarm.board;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language a reader gets, on the board and in the API's words (a case thread's entries): the
 * best of the bundles' languages for their Accept-Language, English when they name none or none of
 * ours. Not the server's own locale: a server set up in Japan still answers a plain API call in
 * English, and a Japanese browser in Japanese wherever the server runs.
 */
@Configuration(proxyBeanMethods = false)
class ReaderLanguage {

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.JAPANESE));
    resolver.setDefaultLocale(Locale.ENGLISH);
    return resolver;
  }
}
