package vn.motcua.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workers reach the engine. In the webapp, {@code inProcess} workers call the webapp's own engine REST API
 * with a technical account; standalone workers take {@code engineUrl} and the account's password.
 */
@ConfigurationProperties("motcua.workers")
public record WorkerSettings(
    @DefaultValue("true") boolean inProcess,
    @DefaultValue("http://localhost:8080/engine-rest") String engineUrl,
    @DefaultValue("motcua-worker") String username,
    @DefaultValue("") String password,
    @DefaultValue("10") int maxTasks,
    @DefaultValue("20000") long longPollMillis) {
}
