package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import vn.motcua.workers.simulator.Simulators;

/**
 * The applicant hears of each milestone — received with the appointment, asked to supplement with every missing
 * document — by e-mail and SMS, through the workers, in the language they used the service in first.
 */
class NoticesIT extends PostgresIntegrationTest {

  @Autowired
  private Simulators simulators;

  private List<String> subjects(String code) {
    return simulators.mails().stream().map(NoticesIT::subject).filter(s -> s.contains(code)).toList();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  void shouldTellAnApplicantWhoAppliedInEnglishOfTheReceiptAndTheSupplementInEnglishFirst() throws Exception {
    // given: a citizen applies through the API in English
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    String code = (String) as("citizen").exchange("/api/v1/dossiers", HttpMethod.POST,
        new HttpEntity<>(dossierRequest("1.001193", "06148"), headers), Map.class).getBody().get("receiptCode");
    Api api = new Api(rest);

    // when: the counter asks for a missing document, then receives the dossier
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "SUPPLEMENT",
        "missingDocuments", "1. Giấy chứng sinh (bản chính)"));
    api.call("citizen", HttpMethod.POST, "/api/v1/dossiers/" + code + "/supplements", null);
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // then: two notices, English first, the missing document named, the SMS in English
    await().atMost(Duration.ofSeconds(30)).until(() -> subjects(code).size() == 2);
    assertThat(subjects(code)).containsExactlyInAnyOrder(
        "Dossier " + code + " needs more documents / Hồ sơ " + code + " cần bổ sung",
        "Dossier " + code + " has been received / Hồ sơ " + code + " đã được tiếp nhận");
    MimeMessage supplement = simulators.mails().stream().filter(m -> subject(m).startsWith("Dossier " + code
        + " needs")).findFirst().orElseThrow();
    assertThat((String) supplement.getContent()).startsWith("Dear Nguyễn Văn An")
        .contains("1. Giấy chứng sinh (bản chính)", "Kính gửi ông/bà Nguyễn Văn An");
    assertThat(simulators.sms().sent()).filteredOn(sms -> sms.text().contains(code))
        .extracting(sms -> sms.text()).anySatisfy(text -> assertThat(text).startsWith("Dossier " + code + " received."));
  }
}
