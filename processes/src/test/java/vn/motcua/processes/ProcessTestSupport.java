package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
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
  public static final String FEE_PAYMENT = "processes/building-blocks/fee-payment.bpmn";
  public static final String SUPPLEMENT = "processes/building-blocks/supplement.bpmn";
  public static final String TRANSFER = "processes/building-blocks/transfer.bpmn";
  public static final String RETURN_RESULT = "processes/building-blocks/return-result.bpmn";
  public static final String ROUTING = "decisions/routing.dmn";
  public static final String PROCESSING_TIME = "decisions/processing-time.dmn";
  public static final String TIME_RULES = "decisions/legal-time-rules.dmn";
  public static final String STAGE_BUDGET = "decisions/stage-budget.dmn";
  public static final String ESCALATION_RULES = "decisions/escalation.dmn";
  public static final String APOLOGY = "processes/building-blocks/apology.bpmn";
  public static final String NOTIFICATION = "processes/building-blocks/notification.bpmn";
  public static final String FORM_INFORM = "forms/inform-applicant.form";
  public static final String FORM_POSTAL = "forms/arrange-postal-delivery.form";
  public static final String FORM_SIGN = "forms/sign-on-paper.form";
  public static final String ESCALATION = "processes/building-blocks/escalation.bpmn";
  public static final String FORM_APOLOGY = "forms/issue-apology.form";
  public static final String FORM_DIRECT = "forms/direct-overdue.form";
  public static final String FORM_SUPERVISE = "forms/supervise-overdue.form";
  public static final String FORM_CHECK = "forms/check-completeness.form";
  public static final String FORM_TRANSFER = "forms/accept-transfer.form";
  public static final String FORM_APPRAISE = "forms/appraise.form";
  public static final String FORM_APPROVE = "forms/approve.form";
  public static final String FORM_RETURN = "forms/return-result.form";

  /** Tasks legal time raises beside the procedure's own step. */
  static final Set<String> SIDE_TASKS = Set.of("Task_IssueApology", "Task_DirectOverdueStage",
      "Task_SuperviseOverdueStage", "Task_InformApplicant");

  public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  /** One engine (camunda.cfg.xml), cached by the extension, serves every process test. */
  protected ProcessEngine engine;

  /**
   * Whether the workers do their part at once — sign the dossier's outgoing document, send the land information to
   * the tax system — as soon as a test looks at the dossier's tasks (a test of those steps drives them itself).
   */
  protected boolean workersAtOnce = true;

  /** What the workers answer when they do their part at once, by topic. */
  private static final Map<String, Map<String, Object>> WORKERS = Map.of(
      "sign-document", Map.of("signedDocumentId", 1L),
      "send-land-information", Map.of("taxTransferId", "CT-2026-000001"));

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
    vars.put("receivedDay", "2026-11-16");
    vars.put("adminStructure", "THREE_LEVEL");
    vars.put("provinceCode", "20");
    vars.put("districtCode", "180");
    vars.put("communeCode", "06148");
    vars.put("receivingAgency", receivingAgency);
    vars.put("applicantName", "Nguyễn Văn An");
    vars.put("feeAmount", 0L);
    // what a procedure's legal-time rules give its building blocks
    vars.put("supplementPeriod", "P15D");
    return vars;
  }

  protected Dossier start(String processKey, Map<String, Object> variables) {
    String receiptCode = (String) variables.get("receiptCode");
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(processKey, receiptCode, variables);
    return new Dossier(instance, receiptCode);
  }

  private static Map<String, Object> variables(Object... nameValuePairs) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      vars.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return vars;
  }

  /** Drives one dossier through its tasks, wherever in the call hierarchy they are. */
  protected final class Dossier {
    final ProcessInstance instance;
    final String receiptCode;

    Dossier(ProcessInstance instance, String receiptCode) {
      this.instance = instance;
      this.receiptCode = receiptCode;
    }

    /** Keys of the dossier's open tasks, wherever in the call hierarchy. */
    public List<String> openTasks() {
      workersDoTheirPart();
      return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptCode).list().stream()
          .map(Task::getTaskDefinitionKey).toList();
    }

    /**
     * The open task with the given key. A step of the procedure must be the dossier's single open step; the side
     * tasks that legal time raises beside it (apology, escalation) are looked up among all open tasks.
     */
    public Task task(String taskKey) {
      workersDoTheirPart();
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptCode).list();
      List<Task> steps = SIDE_TASKS.contains(taskKey) ? tasks
          : tasks.stream().filter(t -> !SIDE_TASKS.contains(t.getTaskDefinitionKey())).toList();
      List<Task> found = steps.stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).toList();
      assertThat(SIDE_TASKS.contains(taskKey) ? found : steps).as("open tasks of %s", receiptCode)
          .extracting(Task::getTaskDefinitionKey).containsExactly(taskKey);
      return found.get(0);
    }

    public Dossier complete(String taskKey, Object... nameValuePairs) {
      engine.getTaskService().complete(task(taskKey).getId(), variables(nameValuePairs));
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

    /** The applicant has paid the financial obligations the tax office assessed. */
    public Dossier pay() {
      engine.getRuntimeService().createMessageCorrelation("FinancialObligationsPaid")
          .processInstanceBusinessKey(receiptCode)
          .correlate();
      return this;
    }

    /** The fee was paid: at the counter with a receipt, or online (then the capture-payment worker takes it). */
    public Dossier payFee(String method, String reference) {
      engine.getRuntimeService().createMessageCorrelation("FeePaid").processInstanceBusinessKey(receiptCode)
          .setVariable("paymentMethod", method).setVariable("paymentReference", reference)
          .correlate();
      return this;
    }

    public boolean awaitingSupplement() {
      return engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(receiptCode).processDefinitionKey("supplement").count() == 1;
    }

    /** The applicant's supplement period timer of this dossier. */
    public Job supplementTimer() {
      return timer("Event_SupplementPeriodExpired");
    }

    /** The timer of this dossier waiting at the given timer event (boundary or event sub-process start). */
    public Job timer(String activityId) {
      List<Job> found = timers(activityId);
      assertThat(found).as("timer %s of %s", activityId, receiptCode).hasSize(1);
      return found.get(0);
    }

    /** The timers of this dossier at the given timer event. */
    public List<Job> timers(String activityId) {
      return engine.getManagementService().createJobQuery().timers().activityId(activityId).list().stream()
          .filter(job -> receiptCode.equals(engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
          .toList();
    }

    private void workersDoTheirPart() {
      if (!workersAtOnce) {
        return;
      }
      for (Map.Entry<String, Map<String, Object>> worker : WORKERS.entrySet()) {
        for (LockedExternalTask task : engine.getExternalTaskService().fetchAndLock(10, "test-worker")
            .topic(worker.getKey(), 60_000).businessKey(receiptCode).execute()) {
          engine.getExternalTaskService().complete(task.getId(), "test-worker", worker.getValue());
        }
      }
    }

    /** The dossier's external task of the topic, locked for a test worker (exactly one must be waiting). */
    public String externalTask(String topic) {
      List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(10, "test-worker")
          .topic(topic, 60_000).businessKey(receiptCode).execute();
      assertThat(locked).as("external tasks %s of %s", topic, receiptCode).hasSize(1);
      return locked.get(0).getId();
    }

    /** A worker did the dossier's external task of the topic, with these results. */
    public Dossier completeExternal(String topic, Object... nameValuePairs) {
      engine.getExternalTaskService().complete(externalTask(topic), "test-worker", variables(nameValuePairs));
      return this;
    }

    /** The notices sent to the applicant so far (the notification block's instances, running or ended), in order. */
    public List<String> notices() {
      workersDoTheirPart();
      return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("notifyApplicant")
          .processInstanceBusinessKey(receiptCode).orderByProcessInstanceStartTime().asc().list().stream()
          .map(notice -> (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
              .processInstanceId(notice.getId()).variableName("notice").singleResult().getValue())
          .toList();
    }

    /** A variable of the dossier's own instance (also after it ended), null when it was never set. */
    public Object variable(String name) {
      var found = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).variableName(name).singleResult();
      return found == null ? null : found.getValue();
    }

    /** Whether the dossier, in any of its instances, has passed the given activity. */
    public boolean passed(String activityId) {
      return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(receiptCode)
          .list().stream()
          .anyMatch(p -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
              .activityId(activityId).finished().count() > 0);
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
