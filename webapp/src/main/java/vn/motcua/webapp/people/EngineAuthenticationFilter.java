package vn.motcua.webapp.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is acting for the length of a request, so that engine listeners (audit, stage history)
 * record the person. On the engine REST API Camunda's authorizations then apply to them; motcua's own API and pages
 * have decided access already ({@link EngineAuthorizations}).
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Staff staff)) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(staff.username(), staff.groupIds());
    boolean engineApi = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
    if (!engineApi) {
      EngineAuthorizations.ownRulesBegin();
    }
    try {
      chain.doFilter(request, response);
    } finally {
      EngineAuthorizations.ownRulesEnd();
      identity.clearAuthentication();
    }
  }
}
