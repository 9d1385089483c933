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
import vn.motcua.workers.simulator.SimulatedSystem.Faults;
import vn.motcua.workers.simulator.TaxAuthority;

/** The cadastral information form against the tax authority simulator: sent once, retried, refused. */
class SendLandInformationTest {

  private TaxAuthority tax;
  private SendLandInformation handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void start() {
    tax = new TaxAuthority(17);
    tax.start(0);
    handler = new SendLandInformation(SystemsAt.url(tax.url(), 800), Retries.DEFAULT);
    variables.put("landOfficeAgency", "VPDK20");
    variables.put("taxAgency", "THUE20");
    variables.put("applicantName", "Nguyễn Văn An");
    variables.put("applicantIdNumber", "020190001234");
    variables.put("landOriginNote", "Sử dụng ổn định từ năm 1993, không tranh chấp");
  }

  @AfterEach
  void stop() {
    tax.close();
  }

  private ExternalTask task(Integer retries) {
    return ExternalTasks.task(Topics.SEND_LAND_INFORMATION, variables, retries, "Task_SendLandInformation:5e6f");
  }

  @Test
  void shouldSendTheFormAndKeepTheTransferNumber() {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    assertThat(tax.transfers()).singleElement().satisfies(transfer -> {
      assertThat(transfer.receiptCode()).isEqualTo("X06148-261116-0001");
      assertThat(transfer.landUser()).isEqualTo("Nguyễn Văn An");
      assertThat(transfer.taxOffice()).isEqualTo("THUE20");
      verify(service).complete(task, Map.of("taxTransferId", transfer.transferId()));
    });
  }

  @Test
  void shouldSendItOnceWhenTheFirstAnswerCameTooLate() {
    // given
    tax.faults(new Faults(0, 0, 1.0, 2_000));

    // when
    handler.execute(task(null), service);
    tax.faults(Faults.NONE);
    ExternalTask retry = task(4);
    handler.execute(retry, service);

    // then
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(4), eq(10_000L), anyMap(),
        anyMap());
    assertThat(tax.transfers()).singleElement()
        .satisfies(transfer -> verify(service).complete(retry, Map.of("taxTransferId", transfer.transferId())));
  }

  @Test
  void shouldTakeTheErrorPathWhenTheTaxSystemRefusesTheForm() {
    // given: the land user's ID number is missing
    variables.remove("applicantIdNumber");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    String reason = "Hệ thống thuế không nhận phiếu: phiếu chuyển thông tin thiếu số định danh người sử dụng đất"
        + " hoặc cơ quan thuế";
    verify(service).handleBpmnError(task, SendLandInformation.REFUSED, reason, Map.of("taxTransferError", reason));
    assertThat(tax.transfers()).isEmpty();
  }
}
