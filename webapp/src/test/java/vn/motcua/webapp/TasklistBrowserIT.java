package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The same step, completed in Camunda Tasklist through its Camunda Form, lands in motcua as any other. */
class TasklistBrowserIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;

  @Autowired
  private TaskService tasks;

  /** Tasklist's footer covers the bottom of the form: bring the element to the middle first. */
  private static void click(WebDriver browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  @Test
  void shouldCompleteTheCounterCheckInTasklistWithItsCamundaForm() {
    // given: a new online birth registration waiting for the commune counter (received on the first morning of today's
    // communes, so that it heads the filter, sorted by due date, whatever unclaimed work other tests leave there)
    now("2025-07-01T07:30");
    Api api = new Api(rest);
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
    WebDriver browser = Browser.driver();
    browser.manage().deleteAllCookies();

    // when: the counter officer signs in to Tasklist and opens the shipped filter of unclaimed tasks
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("thuyhung.motcua");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    Browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'task-filter')][contains(., 'Chờ nhận')]"))).click();
    Browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("ol.tasks-list a[href*='" + taskId + "']"))).click();

    // and claims the task, reads the dossier in the form and decides
    Browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    WebElement complete = Browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='Complete']")));
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Hồ sơ / Dossier");
    List<WebElement> codeFields = browser.findElements(By.cssSelector("input.fjs-input[type='text']"));
    assertThat(codeFields).anySatisfy(field -> assertThat(field.getAttribute("value")).isEqualTo(code));
    click(browser, browser.findElement(By.xpath("//label[contains(., 'Đầy đủ, hợp lệ')]")));
    Browser.screenshot("tasklist-form-filled");
    click(browser, complete);

    // then: motcua's dossier moved on, with the officer recorded as the one who completed the step
    Browser.waiting().until(driver -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    Browser.screenshot("tasklist-completed");
    Map<String, Object> dossier = api.dossier("citizen", code);
    assertThat(dossier).containsEntry("status", "IN_PROGRESS").containsEntry("currentStage", "APPRAISE");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> audit = (List<Map<String, Object>>) api.call("thuyhung.motcua", HttpMethod.GET,
        "/api/v1/dossiers/" + code + "/history", null).getBody().get("audit");
    assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("action", "TASK_COMPLETED")
        .containsEntry("actor", "thuyhung.motcua").containsEntry("step", "Task_CheckCompleteness"));
  }
}
