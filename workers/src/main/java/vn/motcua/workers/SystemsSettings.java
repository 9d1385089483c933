package vn.motcua.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other systems' APIs are, and the key each gives motcua. The defaults are the simulators of a development
 * run. {@code timeoutMillis} is how long one call may take before it counts as failed (and is retried). The payment
 * gateway signs its callbacks with {@code paymentCallbackSecret} (HMAC-SHA256), which motcua checks; there is no
 * default (a development run draws one).
 */
@ConfigurationProperties("motcua.systems")
public record SystemsSettings(
    @DefaultValue("http://localhost:8092") String postalUrl,
    @DefaultValue("") String postalApiKey,
    @DefaultValue("http://localhost:8093") String signatureUrl,
    @DefaultValue("") String signatureApiKey,
    @DefaultValue("http://localhost:8094") String portalUrl,
    @DefaultValue("") String portalApiKey,
    @DefaultValue("http://localhost:8095") String paymentUrl,
    @DefaultValue("") String paymentApiKey,
    @DefaultValue("") String paymentCallbackSecret,
    @DefaultValue("http://localhost:8096") String populationUrl,
    @DefaultValue("") String populationApiKey,
    @DefaultValue("http://localhost:8097") String taxUrl,
    @DefaultValue("") String taxApiKey,
    @DefaultValue("10000") int timeoutMillis) {

  /** The lock a handler takes on its task: longer than {@code calls} calls that each use the whole timeout. */
  public long lockFor(int calls) {
    return (long) calls * timeoutMillis + 30_000;
  }
}
