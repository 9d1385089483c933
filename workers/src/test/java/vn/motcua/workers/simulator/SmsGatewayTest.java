package vn.motcua.workers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway simulator over HTTP, as the workers and a developer's curl see it. */
class SmsGatewayTest {

  private final SmsGateway gateway = new SmsGateway(42);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    gateway.close();
  }

  private HttpResponse<String> post(String path, String json, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldSendOnceWhateverTheNumberOfRepeatsOfAKey() throws Exception {
    // given
    gateway.start(0);
    String sms = "{\"to\": \"0912345678\", \"text\": \"Ho so X06148-261116-0001 da co ket qua.\"}";

    // when
    HttpResponse<String> first = post("/sms", sms, "k-1");
    HttpResponse<String> again = post("/sms", sms, "k-1");
    HttpResponse<String> other = post("/sms", sms, "k-2");

    // then
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(other.body()).isNotEqualTo(first.body());
    assertThat(gateway.sent()).hasSize(2);
    String counters = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/__counters")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(counters).isEqualTo("{\"received\":3,\"unavailable\":0,\"late\":0,\"corrupted\":0,\"done\":2,\"repeated\":1,"
        + "\"refused\":0}");
  }

  @Test
  void shouldAnswerUnavailableAsToldThroughTheFaultsEndpointAndRefuseABadNumberForGood() throws Exception {
    // given
    gateway.start(0);
    assertThat(post("/__faults", "{\"unavailableShare\": 1.0}", null).statusCode()).isEqualTo(204);

    // when
    HttpResponse<String> down = post("/sms", "{\"to\": \"0912345678\", \"text\": \"a\"}", "k-1");
    post("/__faults", "{}", null);
    HttpResponse<String> back = post("/sms", "{\"to\": \"0912345678\", \"text\": \"a\"}", "k-1");
    HttpResponse<String> refused = post("/sms", "{\"to\": \"12345\", \"text\": \"a\"}", "k-2");

    // then: an unavailable answer did nothing, so the same key goes through afterwards
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(back.statusCode()).isEqualTo(202);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("not a Vietnamese mobile number");
    assertThat(gateway.sent()).hasSize(1);
    assertThat(gateway.counters()).containsEntry("unavailable", 1L).containsEntry("refused", 1L);
  }
}
