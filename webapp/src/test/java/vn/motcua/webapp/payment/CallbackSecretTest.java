package vn.motcua.webapp.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * The payment gateway's callback secret has no default: with real systems a start without a strong one is refused
 * with a message saying what to set; a development run without one draws one for the run.
 */
class CallbackSecretTest {

  @Test
  void shouldRefuseToStartWithRealSystemsWhenTheSecretIsMissingOrShort() {
    for (String weak : new String[] {null, "", "   ", "dev-payment-callback-secret"}) {
      assertThatThrownBy(() -> CallbackSecret.require(weak, false)).as("%s", weak)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("set MOTCUA_PAYMENT_CALLBACK_SECRET (motcua.systems.payment-callback-secret) to the"
              + " secret the gateway gave you, at least 32 characters");
    }
    assertThat(CallbackSecret.require(" 0123456789abcdef0123456789abcdef ", false))
        .isEqualTo("0123456789abcdef0123456789abcdef");
  }

  @Test
  void shouldDrawASecretForTheRunWhenADevelopmentRunSetsNone() {
    // given
    MockEnvironment development = new MockEnvironment().withProperty("motcua.simulators.enabled", "true");
    MockEnvironment another = new MockEnvironment().withProperty("motcua.simulators.enabled", "true");
    MockEnvironment production = new MockEnvironment().withProperty("motcua.simulators.enabled", "false");

    // when
    for (MockEnvironment environment : new MockEnvironment[] {development, another, production}) {
      new CallbackSecret.DevelopmentRun().postProcessEnvironment(environment, new SpringApplication());
    }

    // then: random and strong in development, different each run; nothing made up with real systems
    String drawn = development.getProperty("motcua.systems.payment-callback-secret");
    assertThat(drawn).matches("[0-9a-f]{64}").isNotEqualTo(another.getProperty("motcua.systems.payment-callback-secret"));
    assertThat(CallbackSecret.require(drawn, true)).isEqualTo(drawn);
    assertThat(production.getProperty("motcua.systems.payment-callback-secret")).isNull();
    assertThatThrownBy(() -> CallbackSecret.require(null, true)).isInstanceOf(IllegalStateException.class);
  }
}
