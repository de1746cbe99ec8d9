package dev.sevaswarm.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's migrations run once the process engine has created (or updated) its schema, so
 * a migration may add to Camunda's tables, e.g. an index its job acquisition needs.
 */
@Configuration(proxyBeanMethods = false)
public class MigrationsAfterEngine {

  static final String MIGRATIONS = "flywayInitializer";
  static final String ENGINE = "processEngineFactoryBean";

  @Bean
  static BeanFactoryPostProcessor migrationsWaitForTheEngine() {
    return factory -> {
      if (!factory.containsBeanDefinition(MIGRATIONS)) {
        return;
      }
      BeanDefinition migrations = factory.getBeanDefinition(MIGRATIONS);
      List<String> dependsOn = new ArrayList<>(
          migrations.getDependsOn() == null ? List.of() : Arrays.asList(migrations.getDependsOn()));
      dependsOn.add(ENGINE);
      migrations.setDependsOn(dependsOn.toArray(String[]::new));
    };
  }
}
