package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Tasklist, Cockpit and Admin under /camunda sign in the same people, with the same passwords, as the API. */
class CamundaWebappsIT extends PostgresIntegrationTest {

  private ResponseEntity<Map> login(String user, String password) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .split(";")[0].substring("XSRF-TOKEN=".length());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", xsrf);
    headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.stream().map(c -> c.split(";")[0]).toList()));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), Map.class);
  }

  @Test
  void shouldSignAnOfficerIntoTasklistWithTheDemoPassword() {
    // when
    ResponseEntity<Map> response = login("thuyhung.tuphap", "demo");

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("userId", "thuyhung.tuphap");
    assertThat(response.getBody().get("authorizedApps").toString()).contains("tasklist");
  }

  @Test
  void shouldRefuseTasklistSignInWithAWrongPassword() {
    // when (a user no other test signs in as: the engine delays the next sign-in after a failure)
    ResponseEntity<Map> response = login("vpdk.langson.giamdoc", "not-the-password");

    // then
    assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
  }
}
