package vn.motcua.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulators of a development run: whether they start, and where the simulated signing service keeps the demo
 * keys (a PKCS#12 store per agency and the demo root CA, {@code root-ca.pem} to trust).
 */
@ConfigurationProperties("motcua.simulators")
public record SimulatorSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("./data/signing-keys") String signingKeysDir,
    @DefaultValue("demo") String signingKeysPassword,
    /** Where the simulators listen: this machine only, unless other machines (containers) must reach them. */
    @DefaultValue("127.0.0.1") String bindAddress) {
}
