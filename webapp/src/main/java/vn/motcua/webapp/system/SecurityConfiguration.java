package vn.motcua.webapp.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import vn.motcua.webapp.people.EngineAuthenticationFilter;
import vn.motcua.webapp.people.FailedLogins;
import vn.motcua.webapp.people.Role;

/**
 * Who may call what. The motcua API and the engine REST API take HTTP Basic credentials of the engine's users and
 * keep no session; the engine REST API is for administrators, reform officers (deployments) and the workers. The
 * workbench signs officers in with a form and a session; the Camunda webapps under /camunda run their own session
 * login against the same users.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, IdentityService identity, ObjectMapper json, MessageSource messages,
      LocaleResolver locales)
      throws Exception {
    // path matchers, not MVC ones: the engine REST API is a Jersey servlet, outside Spring MVC
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/procedures/**"))
            .permitAll()
            // anyone may check whether a document's signature holds
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                "/api/v1/signatures/verify")).permitAll()
            // the payment gateway: trusted by the signature of what it says, not by a login
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                "/api/v1/payments/callback")).permitAll()
            // the engine's own API: deployments (Camunda Modeler), operations and the workers, not the public
            .requestMatchers(path("/engine-rest/**")).hasAnyRole(Role.ADMIN.name(), Role.REFORM.name(),
                Role.WORKER.name())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          if (e instanceof FailedLogins.TooManyAttempts) {
            write(response, json, problem(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("ui.login.blocked", null, locales.resolveLocale(request))));
            return;
          }
          response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\"");
          write(response, json, problem(HttpStatus.UNAUTHORIZED,
              messages.getMessage("error.unauthenticated", null, locales.resolveLocale(request))));
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            write(response, json, problem(HttpStatus.FORBIDDEN,
                messages.getMessage("error.forbidden", null, locales.resolveLocale(request))))))
        // stateless Basic authentication: no cookie, so no cross-site request forgery to defend against
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER)))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * The officers' workbench, the supervisors' board and the citizens' pages: a signed-in session with a login form and CSRF protection
   * on every change. Supervisors open a dossier's page and files from the board, and handle the escalations
   * addressed to them in the workbench.
   */
  @Bean
  @Order(2)
  SecurityFilterChain workbench(HttpSecurity http, IdentityService identity) throws Exception {
    String[] supervising = {Role.SUPERVISOR.name(), Role.REFORM.name(), Role.ADMIN.name()};
    SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
          jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.Authentication auth) {
        java.util.function.Predicate<Role> has = role -> auth.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals(role.authority()));
        return has.test(Role.OFFICER) ? "/workbench" : has.test(Role.CITIZEN) ? "/cong-dan" : "/board";
      }
    };
    http.securityMatcher(new OrRequestMatcher(path("/workbench/**"), path("/board/**"), path("/board"),
            path("/cong-dan"), path("/cong-dan/**"), path("/login"), path("/logout")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/login")).permitAll()
            // the citizen's own pages: their dossiers, the e-forms
            .requestMatchers(path("/cong-dan"), path("/cong-dan/**")).hasRole(Role.CITIZEN.name())
            .requestMatchers(path("/board"), path("/board/**")).hasAnyRole(supervising)
            .requestMatchers(path("/workbench/dossiers/**"), path("/workbench/documents/**"))
            .hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name(), Role.REFORM.name(), Role.ADMIN.name())
            // supervisors work there on the escalations addressed to them
            .anyRequest().hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name(), Role.REFORM.name(),
                Role.ADMIN.name()))
        .formLogin(form -> form.loginPage("/login").successHandler(home).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
            .referrerPolicy(referrer -> referrer.policy(REFERRER)).addHeaderWriter(CSP))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * No page of motcua runs a script but its own files (no inline script, no script from elsewhere), embeds plug-ins,
   * changes its base or is framed by another site. Pages only (written when the response is committed, its type
   * known): files such as PDFs open in the browser's own viewer, and the Camunda webapps send their own policy.
   */
  private static final HeaderWriter CSP = (request, response) -> {
    String type = response.getContentType();
    if (type != null && type.startsWith(MediaType.TEXT_HTML_VALUE)
        && !response.containsHeader("Content-Security-Policy")) {
      response.setHeader("Content-Security-Policy",
          "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'");
    }
  };
  private static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER =
      ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

  @Bean
  @Order(3)
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/camunda/**"), path("/v3/api-docs/**"), path("/swagger-ui/**"),
                path("/swagger-ui.html"), path("/actuator/health/**"), path("/"), path("/index.html"),
                path("/error"), path("/favicon.ico"), path("/webjars/**"), path("/css/**"), path("/js/**"),
                // the public catalog and the lookup by receipt code: citizens use them without signing in
                path("/thu-tuc"), path("/thu-tuc/**"), path("/tra-cuu"), path("/tra-cuu/**"))
            .permitAll()
            .anyRequest().denyAll())
        // the Camunda webapps protect their own forms with their CSRF filter
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER)).addHeaderWriter(CSP));
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  private static void write(jakarta.servlet.http.HttpServletResponse response, ObjectMapper json, ProblemDetail body)
      throws java.io.IOException {
    response.setStatus(body.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
