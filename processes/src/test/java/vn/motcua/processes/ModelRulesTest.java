package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;

/**
 * motcua's model rules on every deployment: the shipped models keep them; a model that breaks them is refused with
 * every problem named at its element, and nothing of it is deployed.
 */
class ModelRulesTest extends ProcessTestSupport {

  private static final String BROKEN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Reform" targetNamespace="https://motcua.vn">
        <bpmn:process id="draftPermit" name="Cấp phép thử" isExecutable="true" camunda:historyTimeToLive="180">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="procedureCode" value="1.999999" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" />
          <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Submitted" targetRef="Activity_1lvjtd4" />
          <bpmn:userTask id="Activity_1lvjtd4" name="Kiểm tra" camunda:candidateGroups="X06148.counter" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Activity_1lvjtd4" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" />
        </bpmn:process>
        <bpmn:process id="helper" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_Helper" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void shouldRefuseAModelBreakingTheRulesWithEveryProblemNamedAtItsElement() {
    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("draft-permit.bpmn", BROKEN.strip()).deploy());

    // then: the whole list, each at its element
    List<Problem> problems = refused.getResorceReports().get(0).getErrors();
    assertThat(problems).extracting(Problem::getMainElementId).containsExactly("draftPermit", "draftPermit",
        "Activity_1lvjtd4", "Activity_1lvjtd4", "Activity_1lvjtd4", "helper");
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Thủ tục draftPermit phải khai báo cấp thực hiện (level: COMMUNE, DISTRICT, PROVINCE)."));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Thủ tục draftPermit phải khai báo mức dịch vụ công trực tuyến"));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Phần tử Activity_1lvjtd4 mang mã do Modeler tự sinh"));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .contains("Bước Activity_1lvjtd4 phải giao cho nhóm của cơ quan do định tuyến xác định")
        .contains("(hiện là \"X06148.counter\")"));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Bước Activity_1lvjtd4 chưa có thời hạn (dueDate)"));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Quy trình helper phải khai báo là thủ tục"));
    // then: nothing of it deployed
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("draftPermit")
        .count()).isZero();
  }

  @Test
  void shouldAcceptEveryModelMotcuaShips() throws Exception {
    // given: every BPMN of the processes module, in one deployment
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("every shipped model");
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")
          || f.toString().endsWith(".form")).toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    }

    // when / then
    String id = deployment.deploy().getId();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count())
        .isGreaterThanOrEqualTo(17);
    engine.getRepositoryService().deleteDeployment(id, true);
  }
}
