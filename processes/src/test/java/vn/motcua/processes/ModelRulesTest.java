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
            <camunda:property name="formerCodes" value="1.999998 until 2025-06-31" />
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
        "draftPermit", "Activity_1lvjtd4", "Activity_1lvjtd4", "Activity_1lvjtd4", "helper");
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Thủ tục draftPermit phải khai báo cấp thực hiện (level: COMMUNE, DISTRICT, PROVINCE)."));
    assertThat(problems).extracting(Problem::getMessage).anySatisfy(m -> assertThat(m)
        .startsWith("Mã cũ của draftPermit (formerCodes \"1.999998 until 2025-06-31\") phải theo dạng"));
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

  private static final String NEW_PROCEDURE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_New" targetNamespace="https://motcua.vn">
        <bpmn:process id="fishingLicence" name="Cấp giấy phép khai thác thủy sản" isExecutable="true"
            camunda:historyTimeToLive="180">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="procedureCode" value="1.999999" />
            <camunda:property name="level" value="COMMUNE" />
            <camunda:property name="onlineServiceLevel" value="FULL" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" />
          <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Submitted" targetRef="Task_Check" />
          <bpmn:userTask id="Task_Check" name="Kiểm tra" camunda:candidateGroups="${receivingAgency}.counter"
              camunda:dueDate="P1D" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Check" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void shouldAcceptEveryModelAndTableMotcuaShips() throws Exception {
    // when: every BPMN, form and decision table in one deployment, the tables checked against every procedure
    String id = shipped().deploy().getId();

    // then
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count())
        .isGreaterThanOrEqualTo(17);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(id).count())
        .isGreaterThanOrEqualTo(9);
    engine.getRepositoryService().deleteDeployment(id, true);
  }

  @Test
  void shouldRefuseAFeeTableThatLeavesAProcedureWithoutAFee() throws Exception {
    // given: everything deployed, then a fee table without the driving-licence row
    String id = shipped().deploy().getId();
    String fee = Files.readString(DECISIONS.resolve("fee.dmn"));
    String withoutDriving = fee.replaceAll("(?s)<rule id=\"Rule_Driving\">.*?</rule>", "");
    assertThat(withoutDriving).isNotEqualTo(fee);

    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("fee.dmn", withoutDriving).deploy());

    // then: the fee table is named, for each channel; nothing deployed
    assertThat(refused.getResorceReports()).extracting(r -> r.getResourceName()).containsExactly("fee.dmn");
    assertThat(refused.getResorceReports().get(0).getErrors()).extracting(Problem::getMessage).containsExactly(
        "Bảng fee không trả lời: không có mức phí cho 1.002809, THREE_LEVEL, PROVINCE, ONLINE / no fee for 1.002809,"
            + " THREE_LEVEL, PROVINCE, ONLINE.",
        "Bảng fee không trả lời: không có mức phí cho 1.002809, THREE_LEVEL, PROVINCE, COUNTER / no fee for"
            + " 1.002809, THREE_LEVEL, PROVINCE, COUNTER.",
        "Bảng fee không trả lời: không có mức phí cho 1.002809, THREE_LEVEL, PROVINCE, POSTAL / no fee for"
            + " 1.002809, THREE_LEVEL, PROVINCE, POSTAL.",
        "Bảng fee không trả lời: không có mức phí cho 1.002809, TWO_LEVEL, PROVINCE, ONLINE / no fee for 1.002809,"
            + " TWO_LEVEL, PROVINCE, ONLINE.",
        "Bảng fee không trả lời: không có mức phí cho 1.002809, TWO_LEVEL, PROVINCE, COUNTER / no fee for"
            + " 1.002809, TWO_LEVEL, PROVINCE, COUNTER.",
        "Bảng fee không trả lời: không có mức phí cho 1.002809, TWO_LEVEL, PROVINCE, POSTAL / no fee for"
            + " 1.002809, TWO_LEVEL, PROVINCE, POSTAL.");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("fee").count())
        .isEqualTo(1);
    engine.getRepositoryService().deleteDeployment(id, true);
  }

  @Test
  void shouldRefuseATableThatReadsWhatNothingPassesOrLacksAnAnswerTheApplicationReads() throws Exception {
    // given: a processing-time table asking for the district's name and answering in "days"
    String time = Files.readString(DECISIONS.resolve("processing-time.dmn"))
        .replace("<text>circumstance</text>", "<text>districtName</text>")
        .replace("name=\"workingDays\"", "name=\"days\"");

    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("processing-time.dmn", time).deploy());

    // then
    List<Problem> problems = refused.getResorceReports().get(0).getErrors();
    assertThat(problems).extracting(Problem::getMainElementId).containsExactly("Input_Circumstance",
        "processingTime");
    assertThat(problems.get(0).getMessage()).startsWith("Bảng processingTime đọc \"districtName\" nhưng hệ thống"
        + " không truyền giá trị này;").contains("channel, circumstance, communeCode");
    assertThat(problems.get(1).getMessage()).isEqualTo("Bảng processingTime thiếu cột kết quả \"workingDays\" mà"
        + " hệ thống đọc. / Table processingTime lacks the output \"workingDays\" the application reads.");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).isZero();
  }

  @Test
  void shouldRefuseANewProcedureUntilTheTablesAnswerForIt() throws Exception {
    // given
    String id = shipped().deploy().getId();

    // when: a procedure no table has rows for
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("fishing-licence.bpmn", NEW_PROCEDURE.strip()).deploy());

    // then: every missing answer, at the procedure
    assertThat(refused.getResorceReports()).extracting(r -> r.getResourceName())
        .containsExactly("fishing-licence.bpmn");
    List<String> messages = refused.getResorceReports().get(0).getErrors().stream().map(Problem::getMessage).toList();
    assertThat(messages).contains(
        "Bảng routing không trả lời: không có cơ quan cho bước RECEIVE của 1.999999, TWO_LEVEL / no agency for stage"
            + " RECEIVE of 1.999999, TWO_LEVEL.",
        "Bảng processingTime không trả lời: không có thời hạn giải quyết cho 1.999999, TWO_LEVEL, COMMUNE, ONLINE"
            + " / no processing time for 1.999999, TWO_LEVEL, COMMUNE, ONLINE.",
        "Bảng fee không trả lời: không có mức phí cho 1.999999, THREE_LEVEL, COMMUNE, POSTAL / no fee for"
            + " 1.999999, THREE_LEVEL, COMMUNE, POSTAL.",
        "Bảng requiredDocuments không trả lời: không có thành phần hồ sơ cho 1.999999 / no required documents for"
            + " 1.999999.");
    assertThat(refused.getResorceReports().get(0).getErrors()).extracting(Problem::getMainElementId)
        .containsOnly("fishingLicence");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("fishingLicence")
        .count()).isZero();
    engine.getRepositoryService().deleteDeployment(id, true);
  }

  private static final Path DECISIONS = Path.of("../decisions/src/main/resources/decisions");

  /** Every model, form and table motcua ships, in one deployment. */
  private DeploymentBuilder shipped() throws Exception {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("every shipped model");
    for (Path root : List.of(Path.of("src/main/resources"), DECISIONS)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")
            || f.toString().endsWith(".form")).toList()) {
          deployment.addString(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    return deployment;
  }
}
