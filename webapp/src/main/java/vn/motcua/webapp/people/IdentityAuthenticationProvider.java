package vn.motcua.webapp.people;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the engine's identity service (salted password hashes, and the engine's own
 * lock-out after repeated failures), so the API and the Camunda webapps share one user store.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private final StaffDirectory directory;

  IdentityAuthenticationProvider(StaffDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null
        || !directory.checkPassword(username, credentials.toString())) {
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
