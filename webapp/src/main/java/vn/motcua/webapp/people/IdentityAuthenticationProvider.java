package vn.motcua.webapp.people;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the engine's identity service (salted password hashes, and the engine's own
 * lock-out after repeated failures), so the API and the Camunda webapps share one user store; an address or an
 * account with too many failed sign-ins is refused for a while ({@link FailedLogins}).
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private final StaffDirectory directory;
  private final FailedLogins failures;

  IdentityAuthenticationProvider(StaffDirectory directory, FailedLogins failures) {
    this.directory = directory;
    this.failures = failures;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    // the address the sign-in came from (behind trusted proxies, the client's), as the form and Basic filters note it
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    String username = authentication.getName();
    String[] counted = FailedLogins.keys(client, username);
    if (failures.blocked(counted)) {
      throw new FailedLogins.TooManyAttempts();
    }
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null
        || !directory.checkPassword(username, credentials.toString())) {
      failures.failed(counted);
      throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng / Wrong username or password");
    }
    Staff staff = directory.find(username)
        .orElseThrow(() -> new BadCredentialsException("Tài khoản không tồn tại / Unknown account"));
    List<GrantedAuthority> authorities = new ArrayList<>();
    staff.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
