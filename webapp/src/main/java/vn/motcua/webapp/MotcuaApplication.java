package vn.motcua.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** motcua: one-stop administrative procedures on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class MotcuaApplication {

  public static void main(String[] args) {
    SpringApplication.run(MotcuaApplication.class, args);
  }
}
