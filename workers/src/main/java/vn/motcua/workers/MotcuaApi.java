package vn.motcua.workers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * motcua's own REST API, as the workers reach it: next to the engine REST API they work for, with the same technical
 * account. Known once the workers start (in the webapp, its own port and a fresh password).
 */
public final class MotcuaApi {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private volatile String baseUrl;
  private volatile String authorization;

  void connect(String engineUrl, String username, String password) {
    this.baseUrl = engineUrl.replaceFirst("/engine-rest(/engine/[^/]+)?/?$", "");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes at {@code path}; anything but 200 fails the call (to be retried). */
  public byte[] download(String path) throws IOException {
    HttpResponse<byte[]> response = send(request(path).GET().build());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** Puts a PDF at {@code path}; the answer's status and body, for the caller to judge. */
  public HttpResponse<byte[]> putPdf(String path, byte[] pdf) throws IOException {
    return send(request(path).header("Content-Type", "application/pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
  }

  private HttpRequest.Builder request(String path) {
    if (baseUrl == null) {
      throw new IllegalStateException("the workers are not connected to motcua yet");
    }
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization);
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
