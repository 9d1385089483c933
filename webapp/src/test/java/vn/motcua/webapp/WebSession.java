package vn.motcua.webapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session at the HTTP level, for testing many form posts fast: signed in through the login form,
 * keeping the session cookie, sending each form with the CSRF token its page carries.
 */
final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A file part of a multipart form. */
  record FilePart(String fileName, byte[] content) {
  }

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  WebSession(int port, String user) {
    this.base = "http://localhost:" + port;
    String token = csrf(get("/login").body());
    HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + token)));
    if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a multipart form the way the page at {@code page} would, with its CSRF token. */
  HttpResponse<String> postMultipart(String page, String path, Map<String, ?> fields) {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(get(page).body()));
    String boundary = "----motcua" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    all.forEach((name, value) -> {
      for (Object one : value instanceof Iterable<?> many ? many : java.util.List.of(value)) {
        StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"");
        byte[] content;
        if (one instanceof FilePart file) {
          head.append("; filename=\"").append(file.fileName()).append("\"\r\nContent-Type: application/octet-stream");
          content = file.content();
        } else {
          content = String.valueOf(one).getBytes(StandardCharsets.UTF_8);
        }
        body.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Posts a form as another site would make the browser do it: with the session cookie, without the page's token. */
  HttpResponse<String> postWithoutToken(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("")));
  }

  /** Posts a URL-encoded form the way the page at {@code page} would, with its CSRF token. */
  HttpResponse<String> post(String page, String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder("_csrf=" + csrf(get(page).body()));
    fields.forEach((name, value) -> body.append('&').append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return token.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("Accept-Language", "vi").build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
