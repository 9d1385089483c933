package vn.motcua.workers.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.workers.MotcuaApiAccess;
import vn.motcua.workers.Retries;
import vn.motcua.workers.SystemsAt;
import vn.motcua.workers.Topics;
import vn.motcua.workers.signature.PadesVerifier;
import vn.motcua.workers.signature.Pdfsig;
import vn.motcua.workers.simulator.SigningService;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;

/**
 * Signing a document against the signing service simulator, with motcua's document API played by a small server of
 * the test; each signature checked by motcua's verifier and by poppler's pdfsig, a reader's own checker.
 */
class SignDocumentTest {

  @TempDir
  static Path keys;
  private static byte[] original;

  private SigningService signing;
  private HttpServer motcua;
  private final List<byte[]> filed = new CopyOnWriteArrayList<>();
  private SignDocument handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeAll
  static void document() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        text.newLineAtOffset(72, 700);
        text.showText("KET QUA GIAI QUYET HO SO X06148-261116-0001");
        text.endText();
      }
      document.save(out);
      original = out.toByteArray();
    }
  }

  @BeforeEach
  void start() throws IOException {
    signing = new SigningService(5, keys, "demo");
    signing.start(0);
    motcua = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    motcua.createContext("/api/v1/documents/41/content", exchange -> {
      exchange.sendResponseHeaders(200, original.length);
      exchange.getResponseBody().write(original);
      exchange.close();
    });
    motcua.createContext("/api/v1/documents/41/signed-copy", exchange -> {
      filed.add(exchange.getRequestBody().readAllBytes());
      byte[] answer = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    motcua.start();
    handler = new SignDocument(SystemsAt.url(signing.url(), 1_500),
        MotcuaApiAccess.connected("http://127.0.0.1:" + motcua.getAddress().getPort() + "/engine-rest"),
        Retries.DEFAULT);
    variables.put("documentId", 41L);
    variables.put("signingAgency", "X06148");
    variables.put("signingAgencyName", "Ủy ban nhân dân xã Thụy Hùng");
  }

  @AfterEach
  void stop() {
    signing.close();
    motcua.stop(0);
  }

  private ExternalTask task(Integer retries) {
    ExternalTask task = ExternalTasks.task(Topics.SIGN_DOCUMENT, variables, retries, "Task_SignOutcome:5d1a");
    when(task.getCreateTime()).thenReturn(Date.from(Instant.parse("2026-11-16T02:00:00Z")));
    return task;
  }

  @Test
  void shouldSignAsPadesWithTheAgencysKeyAndFileTheSignedCopy() throws Exception {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then: one signed copy, filed; the task completes with its id
    verify(service).complete(task, Map.of("signedDocumentId", 42L));
    assertThat(filed).hasSize(1);
    byte[] signed = filed.get(0);
    assertThat(signed).startsWith(original);
    // then: motcua's verifier finds it valid, by the agency, as PAdES
    PadesVerifier.Report report = new PadesVerifier(List.of(signing.rootCertificate())).verify(signed);
    assertThat(report.valid()).isTrue();
    assertThat(report.signatures()).singleElement().satisfies(signature -> {
      assertThat(signature.signer()).isEqualTo("Ủy ban nhân dân xã Thụy Hùng");
      assertThat(signature.subFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.signedAt()).isEqualTo(Instant.parse("2026-11-16T02:00:00Z"));
    });
    // then: and so does a standard reader's checker
    Path file = Files.write(keys.resolve("signed.pdf"), signed);
    String pdfsig = new Pdfsig(keys.resolve("nss"), signing.rootCertificate()).check(file);
    assertThat(pdfsig).contains("Signature Type: ETSI.CAdES.detached", "Signature is Valid",
        "Certificate is Trusted", "Total document signed");
  }

  @Test
  void shouldMakeOneSignatureWhenTheFirstAnswerCameTooLate() {
    // given: the signing service signs, but answers after the handler stopped waiting
    signing.faults(new Faults(0, 0, 1.0, 3_000));

    // when: the retry builds the same bytes and repeats the call with the same idempotency key
    handler.execute(task(null), service);
    signing.faults(Faults.NONE);
    ExternalTask retry = task(4);
    handler.execute(retry, service);

    // then: one signature at the service, one signed copy, the same as a first-time signature would be
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(4), eq(10_000L), anyMap(),
        anyMap());
    verify(service).complete(retry, Map.of("signedDocumentId", 42L));
    assertThat(signing.count("signed")).isEqualTo(1);
    assertThat(signing.count("repeated")).isEqualTo(1);
    assertThat(filed).hasSize(1);
  }

  @Test
  void shouldNeverFileADamagedSignature() throws Exception {
    // given: the signature comes back damaged
    signing.faults(new Faults(0, 0, 0, 0, 1.0));

    // when
    handler.execute(task(null), service);

    // then: nothing filed, tried again later
    assertThat(filed).isEmpty();
    verify(service).handleFailure(eq(ExternalTasks.ID), eq("the signing service answered a signature that does not"
        + " verify"), anyString(), eq(4), eq(10_000L), anyMap(), anyMap());

    // when: the retry gets the service's intact answer
    signing.faults(Faults.NONE);
    handler.execute(task(4), service);

    // then
    assertThat(filed).hasSize(1);
    assertThat(new PadesVerifier(List.of(signing.rootCertificate())).verify(filed.get(0)).valid()).isTrue();
    assertThat(signing.count("signed")).isEqualTo(1);
  }

  @Test
  void shouldTakeTheErrorPathWhenTheAgencysCertificateWasRevoked() {
    // given
    handler.execute(task(null), service);
    signing.revoke("X06148");
    variables.put("documentId", 41L);
    ExternalTask again = ExternalTasks.task(Topics.SIGN_DOCUMENT, variables, null, "Task_SignOutcome:77aa");
    when(again.getCreateTime()).thenReturn(new Date());

    // when
    handler.execute(again, service);

    // then
    String reason = "Dịch vụ ký số từ chối: chứng thư số của X06148 đã bị thu hồi";
    verify(service).handleBpmnError(again, SignDocument.REFUSED, reason, Map.of("signatureError", reason));
    verify(service, never()).handleFailure(anyString(), anyString(), anyString(), eq(0), eq(0L), anyMap(), anyMap());
  }

  @Test
  void shouldShowThatADocumentChangedAfterSigningIsNoLongerIntact() throws Exception {
    // given: the signed page made wider afterwards
    handler.execute(task(null), service);
    byte[] tampered = filed.get(0).clone();
    int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("612.0");
    tampered[at] = '7';

    // when
    PadesVerifier.Report report = new PadesVerifier(List.of(signing.rootCertificate())).verify(tampered);
    String pdfsig = new Pdfsig(keys.resolve("nss-tampered"), signing.rootCertificate())
        .check(Files.write(keys.resolve("tampered.pdf"), tampered));

    // then
    assertThat(at).isPositive();
    assertThat(report.valid()).isFalse();
    assertThat(report.signatures()).singleElement().satisfies(signature -> {
      assertThat(signature.intact()).isFalse();
      assertThat(signature.problem()).isEqualTo("the document was changed after it was signed");
    });
    assertThat(pdfsig).contains("Digest Mismatch");
  }
}
