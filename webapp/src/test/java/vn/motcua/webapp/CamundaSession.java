package vn.motcua.webapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person signed in to one of the Camunda webapps (Tasklist, Cockpit, Admin) as its login page does, calling the
 * engine API the webapp's pages call ({@code /camunda/api/engine/engine/default/...}) with the session cookie and the
 * webapp's CSRF token.
 */
final class CamundaSession {

  static final String ENGINE = "/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;
  private final int signIn;

  /** Signs in; {@link #signedIn()} tells whether the webapp let the person in. */
  CamundaSession(int port, String user, String password, String app) {
    base = "http://localhost:" + port + "/camunda";
    send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET());
    signIn = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))).statusCode();
    // signing in starts a new session: its CSRF token comes with the next page
    send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET());
  }

  boolean signedIn() {
    return signIn == 200;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Sends a JSON body (or none) with the given method, as the webapp's pages do. */
  HttpResponse<String> send(String method, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    try {
      return http.send(request.header("X-XSRF-TOKEN", token).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
