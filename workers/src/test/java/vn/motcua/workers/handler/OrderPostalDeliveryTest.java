package vn.motcua.workers.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

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
import vn.motcua.workers.simulator.PostalService;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;

/** The postal order against the postal service simulator: placed once, retried without a second order, refused. */
class OrderPostalDeliveryTest {

  private PostalService postal;
  private OrderPostalDelivery handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void start() {
    postal = new PostalService(3);
    postal.start(0);
    handler = new OrderPostalDelivery(SystemsAt.url(postal.url(), 800), Retries.DEFAULT);
    variables.put("applicantName", "Nguyễn Văn An");
    variables.put("applicantPhone", "0912345678");
    variables.put("postalAddress", "Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn");
    variables.put("receivingAgency", "X06148");
  }

  @AfterEach
  void stop() {
    postal.close();
  }

  private ExternalTask task(Integer retries) {
    return ExternalTasks.task(Topics.ORDER_POSTAL_DELIVERY, variables, retries, "Task_OrderPostalDelivery:9a2e");
  }

  @Test
  void shouldOrderThePickUpAtTheCounterAndKeepTheTrackingNumber() {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    assertThat(postal.orders()).singleElement().satisfies(order -> {
      assertThat(order.receiver()).isEqualTo("Nguyễn Văn An");
      assertThat(order.address()).isEqualTo("Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn");
      assertThat(order.pickUpAt()).isEqualTo("X06148");
      assertThat(order.item()).isEqualTo("Kết quả giải quyết hồ sơ X06148-261116-0001");
      verify(service).complete(task, Map.of("postalTrackingNumber", order.trackingNumber()));
    });
  }

  @Test
  void shouldNotOrderTwiceWhenTheFirstAnswerCameTooLate() {
    // given: the postal service takes the order but answers after the handler stopped waiting
    postal.faults(new Faults(0, 0, 1.0, 2_000));

    // when: the first attempt fails, the retry repeats the call with the same idempotency key
    handler.execute(task(null), service);
    postal.faults(Faults.NONE);
    ExternalTask retry = task(4);
    handler.execute(retry, service);

    // then: one order, and the retry completes with its tracking number
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(4), eq(10_000L), anyMap(),
        anyMap());
    assertThat(postal.orders()).singleElement().satisfies(order ->
        verify(service).complete(retry, Map.of("postalTrackingNumber", order.trackingNumber())));
    assertThat(postal.count("repeated")).isEqualTo(1);
  }

  @Test
  void shouldRetryLaterWhenThePostalServiceIsDown() {
    // given
    postal.faults(new Faults(0, 1.0, 0, 0));

    // when: the fourth attempt (two retries left before it)
    handler.execute(task(2), service);

    // then: one attempt left, 80 s from now
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(1), eq(80_000L), anyMap(),
        anyMap());
    assertThat(postal.orders()).isEmpty();
  }

  @Test
  void shouldTakeTheErrorPathWhenTheAddressCannotBeDelivered() {
    // given
    variables.put("postalAddress", "Lạng Sơn");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    String reason = "Bưu điện không nhận đơn: địa chỉ nhận không đủ để phát: Lạng Sơn";
    verify(service).handleBpmnError(task, OrderPostalDelivery.REFUSED, reason, Map.of("postalError", reason));
    assertThat(postal.orders()).isEmpty();
  }
}
