package vn.motcua.webapp.payment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The secret the payment gateway signs its callbacks with ({@code motcua.systems.payment-callback-secret},
 * {@code MOTCUA_PAYMENT_CALLBACK_SECRET}). motcua knows no default: with real systems a start without it, or with one
 * shorter than {@value #MIN_LENGTH} characters, is refused with a message saying what to set. A development run (the
 * other systems simulated) that sets none gets one drawn at random for the run, shared with its simulated gateway.
 */
public final class CallbackSecret {

  static final int MIN_LENGTH = 32;
  private static final String PROPERTY = "motcua.systems.payment-callback-secret";

  private CallbackSecret() {
  }

  /** The secret to check callbacks with; refuses what would let anyone forge one. */
  static String require(String secret, boolean simulated) {
    String given = secret == null ? "" : secret.strip();
    if (given.isEmpty() || !simulated && given.length() < MIN_LENGTH) {
      throw new IllegalStateException("Khóa bí mật ký lời báo của cổng thanh toán chưa được đặt hoặc quá ngắn: hãy đặt"
          + " MOTCUA_PAYMENT_CALLBACK_SECRET (motcua.systems.payment-callback-secret) là khóa cổng thanh toán cấp, ít"
          + " nhất " + MIN_LENGTH + " ký tự. / The payment gateway's callback secret is not set or too short: set"
          + " MOTCUA_PAYMENT_CALLBACK_SECRET (motcua.systems.payment-callback-secret) to the secret the gateway gave"
          + " you, at least " + MIN_LENGTH + " characters; motcua does not start with real systems without it.");
    }
    return given;
  }

  /** A development run without a secret gets one for the run, before anything reads the settings. */
  public static final class DevelopmentRun implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
      boolean simulated = environment.getProperty("motcua.simulators.enabled", Boolean.class, false);
      String secret = environment.getProperty(PROPERTY, "");
      if (simulated && secret.isBlank()) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        environment.getPropertySources().addFirst(new MapPropertySource("motcua-development-callback-secret",
            Map.of(PROPERTY, HexFormat.of().formatHex(random))));
      }
    }
  }
}
