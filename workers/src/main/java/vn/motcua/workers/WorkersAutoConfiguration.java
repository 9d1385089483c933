package vn.motcua.workers;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** Makes the handlers of {@code vn.motcua.workers.handler} and their runtime available to any Spring Boot app. */
@AutoConfiguration
@EnableConfigurationProperties(WorkerSettings.class)
@ComponentScan("vn.motcua.workers.handler")
public class WorkersAutoConfiguration {

  @Bean(destroyMethod = "close")
  WorkerRuntime workerRuntime(List<TopicHandler> handlers, WorkerSettings settings) {
    return new WorkerRuntime(handlers, settings);
  }
}
