package dev.sevaswarm;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SevASwarmApplication {

  static {
    // Two libraries look up their implementation anew on every use, scanning every jar on the class
    // path unless a system property names it: Jakarta Mail for each part of each mail, the JDK's
    // DatatypeFactory for each job Camunda creates with a retry cycle. Profiling the delivery of
    // notifications showed these scans at about 6% of the job executor's time. Naming the
    // implementations they would find anyway turns the scan into a class lookup.
    useByDefault("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    useByDefault(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  public static void main(String[] args) {
    SpringApplication.run(SevASwarmApplication.class, args);
  }

  private static void useByDefault(String property, String implementation) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, implementation);
    }
  }
}
