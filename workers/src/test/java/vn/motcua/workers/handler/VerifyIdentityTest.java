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
import vn.motcua.workers.simulator.PopulationRegistry;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;

/** Checking the applicant against the population registry simulator. */
class VerifyIdentityTest {

  private PopulationRegistry registry;
  private VerifyIdentity handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void start() {
    registry = new PopulationRegistry(13).register(new PopulationRegistry.Citizen("020190001234", "Nguyễn Văn An",
        "1990-05-17", "Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn"));
    registry.start(0);
    handler = new VerifyIdentity(SystemsAt.url(registry.url(), 800), Retries.DEFAULT);
    variables.put("applicantIdNumber", "020190001234");
    variables.put("applicantName", "  nguyễn  văn AN ");
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private ExternalTask task(Integer retries) {
    return ExternalTasks.task(Topics.VERIFY_IDENTITY, variables, retries, "Task_VerifyIdentity:3c4d");
  }

  @Test
  void shouldConfirmTheNameTheRegistryHas() {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    verify(service).complete(task, Map.of("identityVerified", true, "registryName", "Nguyễn Văn An",
        "registryAddress", "Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn"));
  }

  @Test
  void shouldSayWhenTheNameDiffersFromTheRegisteredOne() {
    // given: the same name without its diacritics is another name
    variables.put("applicantName", "Nguyen Van An");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    verify(service).complete(task, Map.of("identityVerified", false, "registryName", "Nguyễn Văn An",
        "registryAddress", "Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn"));
  }

  @Test
  void shouldRetryLaterWhenTheRegistryIsDown() {
    // given
    registry.faults(new Faults(0, 1.0, 0, 0));

    // when
    handler.execute(task(null), service);

    // then
    verify(service).handleFailure(eq(ExternalTasks.ID), anyString(), anyString(), eq(4), eq(10_000L), anyMap(),
        anyMap());
  }

  @Test
  void shouldTakeTheErrorPathForANumberTheRegistryDoesNotKnow() {
    // given
    variables.put("applicantIdNumber", "020190009999");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    String reason = "Cơ sở dữ liệu quốc gia về dân cư: không có công dân mang số định danh 020190009999";
    verify(service).handleBpmnError(task, VerifyIdentity.NOT_FOUND, reason, Map.of("identityError", reason));
    assertThat(registry.count("refused")).isEqualTo(1);
  }
}
