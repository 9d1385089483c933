package vn.motcua.workers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Another system's JSON API over HTTP, with each answer sorted the way a handler must act on it: done (2xx), refused
 * for good ({@link Refused}: a 4xx other than a timeout or a rate limit; retrying will not help, the model's error
 * path must), or not now (an {@link IOException}: no answer in time, a 5xx, 408, 429; retry later). Calls with a side
 * effect carry an {@code Idempotency-Key}, the same on every retry, so the other system does them once.
 */
public final class JsonApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public JsonApi(String baseUrl, String apiKey, int timeoutMillis) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey == null ? "" : apiKey;
    this.timeout = Duration.ofMillis(timeoutMillis);
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The other system said no, for a reason that will not pass by trying again. */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public Map<String, Object> get(String path) throws Refused, IOException {
    return call("GET", path, null, null);
  }

  /** A call with a side effect: {@code idempotencyKey} must be the same on every retry of the same task. */
  public Map<String, Object> post(String path, Object body, String idempotencyKey) throws Refused, IOException {
    return call("POST", path, body, idempotencyKey);
  }

  private Map<String, Object> call(String method, String path, Object body, String idempotencyKey)
      throws Refused, IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    if (body != null) {
      request.header("Content-Type", "application/json; charset=utf-8");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (!apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + baseUrl + path, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), new TypeReference<>() { });
    }
    if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
      throw new Refused(status, reason(response.body(), status));
    }
    throw new IOException(method + " " + baseUrl + path + " answered " + status + ": " + response.body());
  }

  /** The other system's own words, when it gave them as {@code {"error": ...}}. */
  private static String reason(String body, int status) {
    try {
      Object error = JSON.readValue(body, Map.class).get("error");
      if (error != null) {
        return error.toString();
      }
    } catch (IOException notJson) {
      // fall through to the raw answer
    }
    return body.isBlank() ? "HTTP " + status : body;
  }
}
