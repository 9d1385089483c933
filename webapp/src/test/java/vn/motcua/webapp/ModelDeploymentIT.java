package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reform officer deploys models from the browser: a model that breaks motcua's rules is refused with every problem
 * at its element and nothing deployed; a sound one is deployed as a new version at once. Only reform officers may.
 */
class ModelDeploymentIT extends PostgresIntegrationTest {

  private static final String BROKEN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Copy" targetNamespace="https://motcua.vn">
        <bpmn:process id="fasterCopyCertification" isExecutable="true" camunda:historyTimeToLive="180">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="procedureCode" value="2.000815" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" />
          <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Submitted" targetRef="Activity_0x1y2z3" />
          <bpmn:userTask id="Activity_0x1y2z3" name="Kiểm tra" camunda:candidateGroups="${receivingAgency}.counter" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort
  private int port;

  private static String file(String name, String content) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "uploads"));
    return Files.writeString(dir.resolve(name), content).toAbsolutePath().toString();
  }

  @Test
  void shouldRefuseABrokenModelWithItsProblemsAndDeployASoundOne() throws Exception {
    // given: the reform officer's page
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "caicach.langson", "board-title");
    browser.findElement(By.id("models-link")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("models-form")));
    assertThat(browser.findElement(By.id("models-procedures")).getText()).contains("1.001193", "birthRegistration");

    // when: a draft that forgot the level, the online-service level and the due date, with a generated id
    browser.findElement(By.id("models-files")).sendKeys(file("faster-copy.bpmn", BROKEN.strip()));
    browser.findElement(By.id("models-deploy")).click();

    // then: refused, every problem at its element
    WebElement refused = Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.id("models-refused")));
    Browser.screenshot("models-refused");
    assertThat(refused.getText()).startsWith("Không triển khai: có 4 vấn đề cần sửa.");
    List<String> rows = browser.findElements(By.cssSelector("#models-problems tbody tr")).stream()
        .map(WebElement::getText).toList();
    assertThat(rows).hasSize(4).anySatisfy(row -> assertThat(row).startsWith("faster-copy.bpmn fasterCopyCertification")
        .contains("phải khai báo cấp thực hiện"))
        .anySatisfy(row -> assertThat(row).startsWith("faster-copy.bpmn Activity_0x1y2z3")
            .contains("mang mã do Modeler tự sinh"))
        .anySatisfy(row -> assertThat(row).contains("chưa có thời hạn (dueDate)"));

    // when: the shipped fee table, unchanged, as a new version
    browser.findElement(By.id("models-name")).sendKeys("Biểu phí 2027");
    browser.findElement(By.id("models-files")).sendKeys(file("fee.dmn",
        new String(getClass().getResourceAsStream("/decisions/fee.dmn").readAllBytes())));
    browser.findElement(By.id("models-deploy")).click();

    // then: deployed, its new version named
    assertThat(Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("models-deployed")))
        .getText()).contains("Đã triển khai").containsPattern("fee v\\d+");
  }

  @Test
  void shouldExplainAndDeployNothingWhenTheUploadIsNotAModel() {
    // given
    WebSession officer = new WebSession(port, "caicach.langson");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&x;\""
        + " namespace=\"x\"/>";
    long before = officer.get("/board/mo-hinh").body().split("<tr").length;

    // then: each is refused with a message a person understands
    assertThat(officer.postMultipart("/board/mo-hinh", "/board/mo-hinh", java.util.Map.of("files",
        new WebSession.FilePart("virus.exe", new byte[] {'M', 'Z'}))).body())
        .contains("Tệp &quot;virus.exe&quot; không phải BPMN, DMN hay biểu mẫu");
    assertThat(officer.postMultipart("/board/mo-hinh", "/board/mo-hinh", java.util.Map.of("files",
        new WebSession.FilePart("empty.bpmn", new byte[0]))).statusCode()).isEqualTo(400);
    var entities = officer.postMultipart("/board/mo-hinh", "/board/mo-hinh", java.util.Map.of("files",
        new WebSession.FilePart("entities.dmn", xxe.getBytes())));
    assertThat(entities.statusCode()).isEqualTo(400);
    assertThat(entities.body()).contains("id=\"models-refused\"").doesNotContain("root:");
    assertThat(officer.postMultipart("/board/mo-hinh", "/board/mo-hinh", java.util.Map.of("name", "trống"))
        .body()).contains("Hãy chọn ít nhất một tệp mô hình.");
    // then: nothing more in force
    assertThat(officer.get("/board/mo-hinh").body().split("<tr").length).isEqualTo(before);
  }

  @Test
  void shouldLetOnlyReformOfficersDeploy() {
    // then: a supervisor sees no deployment page
    WebSession supervisor = new WebSession(port, "giamsat.langson");
    assertThat(supervisor.get("/board/mo-hinh").statusCode()).isEqualTo(403);
  }
}
