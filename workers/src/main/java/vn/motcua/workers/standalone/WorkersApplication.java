package vn.motcua.workers.standalone;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import vn.motcua.workers.WorkerRuntime;
import vn.motcua.workers.WorkerSettings;
import vn.motcua.workers.WorkersAutoConfiguration;

/**
 * The workers on their own: {@code java -jar motcua-workers-exec.jar}, several instances if needed, against the
 * engine REST API of a motcua webapp ({@code MOTCUA_ENGINE_URL}, {@code MOTCUA_WORKER_PASSWORD}). It loads the
 * workers and nothing else, whatever else is on the classpath.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(WorkersAutoConfiguration.class)
public class WorkersApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(WorkersApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=workers")
        .run(args);
  }

  @Bean
  ApplicationRunner startWorkers(WorkerRuntime runtime, WorkerSettings settings) {
    return args -> runtime.start(settings.engineUrl(), settings.password());
  }
}
