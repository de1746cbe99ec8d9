package dev.sevaswarm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SevASwarmApplication {

  public static void main(String[] args) {
    SpringApplication.run(SevASwarmApplication.class, args);
  }
}
