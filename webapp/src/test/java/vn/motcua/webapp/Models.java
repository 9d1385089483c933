package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The shipped models as text, edits of them as a reform officer makes in the Modeler, and the Modeler's deploy. */
final class Models {

  private Models() {
  }

  /** A shipped model, form or table (e.g. {@code decisions/fee.dmn}). */
  static String shipped(String resource) {
    try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Replaces text inside one rule of a decision table. */
  static String editRule(String dmn, String ruleId, String from, String to) {
    int start = dmn.indexOf("<rule id=\"" + ruleId + "\">");
    assertThat(start).as("rule %s", ruleId).isPositive();
    int end = dmn.indexOf("</rule>", start);
    String edited = dmn.substring(start, end).replace(from, to);
    assertThat(edited).as("edit of %s", ruleId).contains(to).isNotEqualTo(dmn.substring(start, end));
    return dmn.substring(0, start) + edited + dmn.substring(end);
  }

  /** Deploys the files through the engine's REST API as Camunda Modeler's deploy dialog does. */
  @SuppressWarnings("rawtypes")
  static ResponseEntity<Map> deploy(TestRestTemplate as, String name, Map<String, String> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", name);
    body.add("deployment-source", "Camunda Modeler");
    files.forEach((file, content) -> {
      String fileName = file.substring(file.lastIndexOf('/') + 1);
      body.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return fileName;
        }
      });
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), Map.class);
  }
}
