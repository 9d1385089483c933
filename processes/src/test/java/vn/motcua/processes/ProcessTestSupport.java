package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Engine, shared resources and a dossier driver for the process tests. */
@ExtendWith(ProcessEngineExtension.class)
public abstract class ProcessTestSupport {

  public static final String INTAKE = "processes/building-blocks/intake.bpmn";
  public static final String SUPPLEMENT = "processes/building-blocks/supplement.bpmn";
  public static final String TRANSFER = "processes/building-blocks/transfer.bpmn";
  public static final String RETURN_RESULT = "processes/building-blocks/return-result.bpmn";
  public static final String ROUTING = "decisions/routing.dmn";
  public static final String PROCESSING_TIME = "decisions/processing-time.dmn";
  public static final String FORM_CHECK = "forms/check-completeness.form";
  public static final String FORM_TRANSFER = "forms/accept-transfer.form";
  public static final String FORM_APPRAISE = "forms/appraise.form";
  public static final String FORM_APPROVE = "forms/approve.form";
  public static final String FORM_RETURN = "forms/return-result.form";

  public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  /** One engine (camunda.cfg.xml), cached by the extension, serves every process test. */
  protected ProcessEngine engine;

  @BeforeEach
  void initEngine(ProcessEngine processEngine) {
    engine = processEngine;
    init(engine);
    now("2026-11-16T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock to a local Vietnamese time. */
  protected static void now(String localDateTime) {
    ClockUtil.setCurrentTime(date(localDateTime));
  }

  protected static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VN).toInstant());
  }

  protected static String local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), VN).toString();
  }

  /** Variables the dossier service passes when it starts a procedure: a Lạng Sơn applicant, three levels. */
  protected static Map<String, Object> dossierVariables(String procedureCode, String receivingAgency) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("receiptCode", receivingAgency + "-261116-0001");
    vars.put("procedureCode", procedureCode);
    vars.put("channel", "ONLINE");
    vars.put("ruleSetVersion", "2025");
    vars.put("adminStructure", "THREE_LEVEL");
    vars.put("provinceCode", "20");
    vars.put("districtCode", "180");
    vars.put("communeCode", "06148");
    vars.put("receivingAgency", receivingAgency);
    vars.put("applicantName", "Nguyễn Văn An");
    return vars;
  }

  protected Dossier start(String processKey, Map<String, Object> variables) {
    String receiptCode = (String) variables.get("receiptCode");
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(processKey, receiptCode, variables);
    return new Dossier(instance, receiptCode);
  }

  /** Drives one dossier through its tasks, wherever in the call hierarchy they are. */
  protected final class Dossier {
    final ProcessInstance instance;
    final String receiptCode;

    Dossier(ProcessInstance instance, String receiptCode) {
      this.instance = instance;
      this.receiptCode = receiptCode;
    }

    /** The single open task of the dossier, which must be the given one. */
    public Task task(String taskKey) {
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptCode).list();
      assertThat(tasks).as("open tasks of %s", receiptCode).extracting(Task::getTaskDefinitionKey)
          .containsExactly(taskKey);
      return tasks.get(0);
    }

    public Dossier complete(String taskKey, Object... nameValuePairs) {
      Task task = task(taskKey);
      Map<String, Object> vars = new HashMap<>();
      for (int i = 0; i < nameValuePairs.length; i += 2) {
        vars.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
      }
      engine.getTaskService().complete(task.getId(), vars);
      return this;
    }

    public List<String> candidateGroups(String taskKey) {
      return engine.getTaskService().getIdentityLinksForTask(task(taskKey).getId()).stream()
          .filter(link -> "candidate".equals(link.getType()))
          .map(IdentityLink::getGroupId)
          .toList();
    }

    public Dossier supplement() {
      engine.getRuntimeService().createMessageCorrelation("SupplementSubmitted")
          .processInstanceBusinessKey(receiptCode)
          .correlate();
      return this;
    }

    public boolean awaitingSupplement() {
      return engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(receiptCode).processDefinitionKey("supplement").count() == 1;
    }

    public Job supplementTimer() {
      return engine.getManagementService().createJobQuery().timers().list().stream()
          .filter(job -> receiptCode.equals(engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
          .findFirst().orElseThrow();
    }

    public Object variable(String name) {
      return engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }

    public boolean ended() {
      return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    public String endEvent() {
      return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getEndActivityId();
    }

    /** Activities the root instance passed through, in order. */
    public List<String> path() {
      return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .orderPartiallyByOccurrence().asc().list().stream()
          .map(a -> a.getActivityId())
          .toList();
    }
  }
}
