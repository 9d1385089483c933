package vn.motcua.workers;

import java.util.List;
import java.util.Properties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Makes the handlers of {@code vn.motcua.workers.handler} and their runtime available to any Spring Boot app. */
@AutoConfiguration
@EnableConfigurationProperties({WorkerSettings.class, NotificationSettings.class, SystemsSettings.class,
    SimulatorSettings.class})
@ComponentScan("vn.motcua.workers.handler")
public class WorkersAutoConfiguration {

  @Bean(destroyMethod = "close")
  WorkerRuntime workerRuntime(List<TopicHandler> handlers, WorkerSettings settings, MotcuaApi api) {
    return new WorkerRuntime(handlers, settings, api);
  }

  @Bean
  Retries retries(WorkerSettings settings) {
    return new Retries(settings.retryAttempts(), java.time.Duration.ofMillis(settings.retryFirstWaitMillis()),
        java.time.Duration.ofMillis(settings.retryLongestWaitMillis()));
  }

  @Bean
  MotcuaApi workersMotcuaApi() {
    return new MotcuaApi();
  }

  /** The applicants' mail goes out through this SMTP server, with timeouts within the handler's lock. */
  @Bean
  public JavaMailSender applicantMail(NotificationSettings settings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.smtpHost());
    sender.setPort(settings.smtpPort());
    sender.setDefaultEncoding("UTF-8");
    if (!settings.smtpUsername().isBlank()) {
      sender.setUsername(settings.smtpUsername());
      sender.setPassword(settings.smtpPassword());
    }
    Properties properties = sender.getJavaMailProperties();
    String timeout = String.valueOf(settings.timeoutMillis());
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    properties.put("mail.smtp.auth", String.valueOf(!settings.smtpUsername().isBlank()));
    return sender;
  }
}
