package vn.motcua.webapp.tracking;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.system.FailedAttempts;

/** Failed lookups by receipt code: {@value #LIMIT} from one address within {@value #WINDOW_MINUTES} minutes block it. */
@Component
class FailedLookups extends FailedAttempts {

  static final int LIMIT = 10;
  static final int WINDOW_MINUTES = 15;

  FailedLookups() {
    super(LIMIT, Duration.ofMinutes(WINDOW_MINUTES));
  }
}
