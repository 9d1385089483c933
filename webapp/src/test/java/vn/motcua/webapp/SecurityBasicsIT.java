package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The basics a security review checks first: passwords stored salted and hashed, forms that another site cannot
 * submit (CSRF, and a session cookie not sent along from another site), secure headers on pages (scripts only from
 * motcua itself), files and the API, and an address or an account that guesses passwords refused for a while, on the
 * form and on the API alike — with the client's address believed from X-Forwarded-For only when the trusted proxy
 * sends it (finding 5 of the integrity probe, docs/security.md).
 */
class SecurityBasicsIT extends PostgresIntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  private int port;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private IdentityService identity;

  @Test
  void shouldStorePasswordsOnlySaltedAndHashed() {
    // when
    List<Map<String, Object>> users = jdbc.queryForList(
        "select id_, pwd_, salt_ from act_id_user where id_ in ('citizen', 'tranthibinh')");

    // then: neither the password nor the same hash twice (each has its salt)
    assertThat(users).hasSize(2).allSatisfy(user -> {
      assertThat((String) user.get("pwd_")).startsWith("{SHA-512}").doesNotContain("demo");
      assertThat((String) user.get("salt_")).isNotBlank();
    });
    assertThat(users.get(0).get("pwd_")).isNotEqualTo(users.get(1).get("pwd_"));
  }

  @Test
  void shouldRefuseAFormSentWithoutThePagesTokenAndChangeNothing() {
    // given: a reform officer signed in, as another site would use the browser's session
    WebSession officer = new WebSession(port, "caicach.langson");
    Long changes = jdbc.queryForObject("select count(*) from model_change", Long.class);

    // when: the reference-data reload and a deployment posted without the CSRF token
    HttpResponse<String> reload = officer.postWithoutToken("/board/mo-hinh/du-lieu");
    HttpResponse<String> deploy = officer.postWithoutToken("/board/mo-hinh");

    // then
    assertThat(reload.statusCode()).isEqualTo(403);
    assertThat(deploy.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from model_change", Long.class)).isEqualTo(changes);
  }

  @Test
  void shouldSendSecureHeadersOnPagesFilesAndTheApi() {
    // when
    ResponseEntity<String> page = rest.getForEntity("/thu-tuc?lang=vi", String.class);
    HttpResponse<String> workbench = new WebSession(port, "thuyhung.motcua").get("/workbench?lang=vi");
    ResponseEntity<String> apiAnswer = as("thuyhung.motcua").getForEntity("/api/v1/tasks", String.class);
    ResponseEntity<String> style = rest.getForEntity("/css/motcua.css", String.class);

    // then: pages may not be framed by another site, embed plug-ins or change their base; nothing is sniffed
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo("script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(workbench.headers().firstValue("Content-Security-Policy")).hasValue(
        "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'");
    assertThat(workbench.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(workbench.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    // the API's answers are not cached, not sniffed, and carry no page policy
    assertThat(apiAnswer.getStatusCode().value()).isEqualTo(200);
    assertThat(apiAnswer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(apiAnswer.getHeaders().getCacheControl()).contains("no-store");
    assertThat(apiAnswer.getHeaders().getFirst("Content-Security-Policy")).isNull();
    assertThat(style.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void shouldRefuseAnAddressThatGuessedTooManyPasswordsOnTheApiEvenWithTheRightOne() {
    // given: ten wrong guesses from one address (for an account that does not exist, so none is locked)
    for (int i = 0; i < 10; i++) {
      assertThat(basic("203.0.113.7", "khongco.ai", "doan" + i).getStatusCode().value()).isEqualTo(401);
    }

    // when: the right password from that address, and from another one
    ResponseEntity<Map> blocked = basic("203.0.113.7", "citizen", "demo");
    ResponseEntity<Map> elsewhere = basic("203.0.113.8", "citizen", "demo");

    // then
    assertThat(blocked.getStatusCode().value()).isEqualTo(429);
    assertThat(blocked.getBody()).containsEntry("detail",
        "Đăng nhập sai nhiều lần từ địa chỉ này hoặc vào tài khoản này; hãy thử lại sau 15 phút.");
    assertThat(elsewhere.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnAddressThatGuessedTooManyPasswordsOnTheSignInForm() throws Exception {
    // given: ten wrong sign-ins on the form from one address (for an account of its own: each account has a limit too)
    for (int i = 0; i < 10; i++) {
      assertThat(signIn("203.0.113.9", "khongco.trenform", "doan" + i).headers().firstValue("Location").orElse(""))
          .endsWith("/login?error");
    }

    // when: the right password from that address
    HttpResponse<String> refused = signIn("203.0.113.9", "caicach.langson", "demo");

    // then: not signed in; the sign-in page says why with 429
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/login?error&lang=vi")).header("X-Forwarded-For", "203.0.113.9")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("Đăng nhập sai nhiều lần từ địa chỉ này hoặc vào tài khoản này; hãy thử lại sau"
        + " 15 phút.");
    // and another address signs in
    assertThat(signIn("203.0.113.10", "caicach.langson", "demo").headers().firstValue("Location").orElse(""))
        .doesNotContain("error");
  }

  @Test
  void shouldCountTheRealAddressWhenAClientThatIsNoProxySendsXForwardedFor() throws Exception {
    // given: ten wrong guesses from a machine that is not the trusted proxy, each claiming another address (and
    // naming another account, so that no account's limit is reached)
    for (int i = 0; i < 10; i++) {
      assertThat(fromAnotherMachine("khongco" + i + ":doan", "198.51.100." + i)).startsWith("HTTP/1.1 401");
    }

    // when: the right password from there, claiming yet another address
    String refused = fromAnotherMachine("citizen:demo", "198.51.100.99");

    // then: the claimed addresses were not believed; the machine itself is refused for a while
    assertThat(refused).startsWith("HTTP/1.1 429");
    assertThat(basic("198.51.100.99", "citizen", "demo").getStatusCode().value()).as("that address, via the proxy")
        .isEqualTo(200);
  }

  @Test
  void shouldRefuseAnAccountGuessedAtFromManyAddresses() {
    // given: an account of its own, guessed at ten times, each time from another address
    identity.saveUser(user("doanmo.test"));
    for (int i = 0; i < 10; i++) {
      assertThat(basic("192.0.2." + i, "doanmo.test", "doan" + i).getStatusCode().value()).isEqualTo(401);
    }

    // when: the right password from yet another address
    ResponseEntity<Map> refused = basic("192.0.2.99", "doanmo.test", "demo");

    // then: refused before the password is checked; another account from that address is not
    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(basic("192.0.2.99", "citizen", "demo").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void shouldKeepTheSessionCookieFromOtherSitesRequests() throws Exception {
    // when
    HttpResponse<String> signedIn = signIn("203.0.113.50", "thuyhung.motcua", "demo");

    // then
    assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .isNotEmpty().allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
  }

  private org.camunda.bpm.engine.identity.User user(String id) {
    org.camunda.bpm.engine.identity.User user = identity.newUser(id);
    user.setFirstName("Thử");
    user.setLastName("Nghiệm");
    user.setPassword("demo");
    return user;
  }

  /** A request to the API from another machine of this network (127.0.0.2: not the trusted proxy); its status line. */
  private String fromAnotherMachine(String credentials, String claimedAddress) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.2", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.getOutputStream().write(("GET /api/v1/dossiers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
          + "\r\nX-Forwarded-For: " + claimedAddress + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> basic(String address, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    return rest.withBasicAuth(user, password).exchange("/api/v1/dossiers", HttpMethod.GET, new HttpEntity<>(headers),
        Map.class);
  }

  /** The sign-in form posted from an address (behind the proxy): the redirect it answers with. */
  private HttpResponse<String> signIn(String address, String user, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", address)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = CSRF.matcher(form);
    assertThat(token.find()).isTrue();
    return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", address)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
