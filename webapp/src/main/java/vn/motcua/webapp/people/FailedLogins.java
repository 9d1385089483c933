package vn.motcua.webapp.people;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.system.FailedAttempts;

/**
 * Failed sign-ins (form or HTTP Basic): {@value #LIMIT} from one address within {@value #WINDOW_MINUTES} minutes block
 * that address, before any password is checked — beside the engine's own lock-out of an account, this stops guessing
 * across many accounts.
 */
@Component
public class FailedLogins extends FailedAttempts {

  /** Too many failed sign-ins from the caller's address: refused before any password is checked. */
  public static final class TooManyAttempts extends AuthenticationException {
    TooManyAttempts() {
      super("Đăng nhập sai nhiều lần / Too many failed sign-ins");
    }
  }

  static final int LIMIT = 10;
  static final int WINDOW_MINUTES = 15;

  FailedLogins() {
    super(LIMIT, Duration.ofMinutes(WINDOW_MINUTES));
  }
}
