package vn.motcua.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workers reach the engine. In the webapp, {@code inProcess} workers call the webapp's own engine REST API
 * with a technical account; standalone workers take {@code engineUrl} and the account's password. A failed call is
 * tried {@code retryAttempts} times in all before it becomes an incident.
 */
@ConfigurationProperties("motcua.workers")
public record WorkerSettings(
    @DefaultValue("true") boolean inProcess,
    @DefaultValue("http://localhost:8080/engine-rest") String engineUrl,
    @DefaultValue("motcua-worker") String username,
    @DefaultValue("") String password,
    @DefaultValue("10") int maxTasks,
    /** How long the engine holds a fetch open while there is no work; 0: short polls every half second. */
    @DefaultValue("20000") long longPollMillis,
    /** Attempts of a call that fails for a reason that may pass, before it becomes an incident. */
    @DefaultValue("5") int retryAttempts,
    /** The wait before the second attempt; each next wait is twice as long, up to the longest wait. */
    @DefaultValue("10000") long retryFirstWaitMillis,
    /** The longest wait between two attempts. */
    @DefaultValue("600000") long retryLongestWaitMillis) {
}
