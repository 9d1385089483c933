package vn.motcua.webapp.people;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.system.FailedAttempts;

/**
 * Failed sign-ins (form or HTTP Basic): {@value #LIMIT} from one address, or for one account, within
 * {@value #WINDOW_MINUTES} minutes block that address or account, before any password is checked — guessing across
 * many accounts from one address, or at one account from many addresses, is slowed down alike (beside the engine's own
 * lock-out of an account).
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

  /** What a sign-in is counted against: the client's address, and the account (when one is named). */
  static String[] keys(String address, String account) {
    return new String[] {address == null ? null : "address " + address,
        account == null || account.isBlank() ? null : "account " + account.strip().toLowerCase(java.util.Locale.ROOT)};
  }

  /** Whether the sign-in page should say that this address is refused for a while. */
  public boolean blocked(String address) {
    return super.blocked(keys(address, null));
  }
}
