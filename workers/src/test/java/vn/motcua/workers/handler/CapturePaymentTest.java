package vn.motcua.workers.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.workers.Retries;
import vn.motcua.workers.SystemsAt;
import vn.motcua.workers.Topics;
import vn.motcua.workers.simulator.PaymentGateway;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;

/** Capturing the fee at the payment gateway simulator: once however often retried, refused when not authorised. */
class CapturePaymentTest {

  private PaymentGateway gateway;
  private CapturePayment handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    gateway = new PaymentGateway(11);
    gateway.start(0);
    handler = new CapturePayment(SystemsAt.url(gateway.url(), 800), Retries.DEFAULT);
    String id = open(14_000);
    variables.put("paymentId", id);
    variables.put("feeAmount", 14_000L);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  /** The applicant opens a payment and pays it at the gateway's checkout page. */
  private String open(long amount) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String created = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/payments"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": " + amount + ", \"reference\": \"X06148-261116-0001\"}"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    String id = created.replaceAll(".*\"paymentId\":\"([^\"]+)\".*", "$1");
    http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/payments/" + id + "/authorize"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    return id;
  }

  private ExternalTask task(Integer retries) {
    return ExternalTasks.task(Topics.CAPTURE_PAYMENT, variables, retries, "Task_CapturePayment:1b2c");
  }

  @Test
  void shouldCaptureTheAuthorisedFee() {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    assertThat(gateway.captures()).singleElement().satisfies(capture -> {
      assertThat(capture.amount()).isEqualTo(14_000);
      assertThat(capture.reference()).isEqualTo("X06148-261116-0001");
      verify(service).complete(task, Map.of("paymentTransactionId", capture.transactionId(), "paidAmount", 14_000L));
    });
  }

  @Test
  void shouldTakeTheMoneyOnceWhenTheFirstAnswerCameTooLate() {
    // given: the gateway captures but answers after the handler stopped waiting
    gateway.faults(new Faults(0, 0, 1.0, 2_000));

    // when: the retry repeats the capture with the same idempotency key
    handler.execute(task(null), service);
    gateway.faults(Faults.NONE);
    ExternalTask retry = task(4);
    handler.execute(retry, service);

    // then: one capture, the retry completes with it
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(4), eq(10_000L), anyMap(),
        anyMap());
    assertThat(gateway.captures()).singleElement().satisfies(capture -> verify(service).complete(retry,
        Map.of("paymentTransactionId", capture.transactionId(), "paidAmount", 14_000L)));
    assertThat(gateway.count("captured")).isEqualTo(1);
  }

  @Test
  void shouldTakeTheErrorPathWhenTheAmountIsNotTheOneAuthorised() {
    // given
    variables.put("feeAmount", 24_000L);
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    String reason = "Cổng thanh toán từ chối: số tiền thu khác số tiền người nộp đã xác nhận";
    verify(service).handleBpmnError(task, CapturePayment.DECLINED, reason, Map.of("paymentError", reason));
    assertThat(gateway.captures()).isEmpty();
  }
}
