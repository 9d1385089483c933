package vn.motcua.webapp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.DossierStatus;
import vn.motcua.webapp.dossier.SubmitDossierRequest;
import vn.motcua.webapp.payment.FeePayments;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.webapp.report.PdfFonts;
import vn.motcua.webapp.system.MotcuaProperties;
import vn.motcua.webapp.system.RuleViolation;
import vn.motcua.webapp.task.TaskView;
import vn.motcua.webapp.task.Worklist;
import vn.motcua.workers.Topics;

/**
 * Gives a fresh demo installation a past: the last months of dossiers of {@code demo/dossiers.json}, replayed through
 * the engine and the same services the screens use, in the order things happened. The engine clock walks from the
 * first submission to now; before each action, the timers then due fire at their own moment (stage warnings, the
 * apology one working day before the deadline, escalations), as the job executor would have fired them. Officers do
 * their steps mostly well in time, some late, so the board, the index and the workbench have something true to show.
 * Runs once, on an empty dossier table, with the job executor held until it is done.
 */
@Component
@Order(20)
@ConditionalOnProperty(prefix = "motcua.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoHistory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
  private static final String DEMO_WORKER = "motcua-demo-history";

  private final MotcuaProperties properties;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final LegalCalendar calendar;
  private final ProcessEngineConfigurationImpl engine;
  private final ManagementService management;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final StaffDirectory directory;
  private final DossierService dossiers;
  private final Worklist worklist;
  private final DocumentService documents;
  private final FeePayments payments;

  DemoHistory(MotcuaProperties properties, ObjectMapper json, JdbcTemplate jdbc, LegalCalendar calendar,
      ProcessEngineConfigurationImpl engine, StaffDirectory directory, DossierService dossiers, Worklist worklist,
      DocumentService documents, FeePayments payments) {
    this.payments = payments;
    this.properties = properties;
    this.json = json;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.engine = engine;
    this.management = engine.getManagementService();
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.directory = directory;
    this.dossiers = dossiers;
    this.worklist = worklist;
    this.documents = documents;
  }

  /** The demo's recipe, as in {@code demo/dossiers.json}. */
  record Recipe(long seed, int perWorkingDay, double counterShare, double refusedShare, double lateShare,
                double supplementShare, double stalledShare, int stalledWithinDays, String onlineSubmitter,
                Set<String> punctual, List<Kind> procedures, List<Person> applicants,
                Map<String, Map<String, Object>> steps, Map<String, Object> refusal, Map<String, Object> supplement) {
  }

  /** A procedure of the mix: how often, where, and who records it at a counter. */
  record Kind(String code, int weight, Map<String, Integer> request, List<Place> places, String paymentRecordedBy) {
  }

  record Place(String commune, String counter) {
  }

  record Person(String fullName, String user) {
  }

  /**
   * One dossier of the replay and how it goes: refused at the counter, sent back once for supplement, which step (if
   * any) its officers let run late, and which one they have not done yet (a recent dossier stalled on a desk).
   */
  private record Plan(Kind kind, Place place, Person applicant, int number, String submitter, boolean refused,
                      boolean supplement, int lateStep, int stalledStep) {
  }

  private enum Action { SUBMIT, STEP, FEE, PAY, SUPPLEMENT }

  /** Something that happens at a moment: a submission, a step done, a payment recorded, documents supplemented. */
  private record Event(Instant at, Action action, Plan plan, String receiptCode, String taskId) {
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    int months = properties.demo().historyMonths();
    Long existing = jdbc.queryForObject("select count(*) from dossier", Long.class);
    if (months <= 0 || existing == null || existing > 0) {
      return;
    }
    Recipe recipe;
    try (InputStream in = new ClassPathResource("demo/dossiers.json").getInputStream()) {
      recipe = json.readValue(in, Recipe.class);
    }
    JobExecutor executor = engine.getJobExecutor();
    boolean executing = executor != null && executor.isActive();
    if (executing) {
      executor.shutdown();
    }
    LOG.info("Demo history: replaying the dossiers of the last {} months through the engine (once, on an empty"
        + " database; the engine clock walks through them and is back to now when done)", months);
    long started = System.nanoTime();
    try {
      int count = new Replay(recipe).run(months);
      LOG.info("Demo history: {} dossiers of the last {} months replayed through the engine in {} s", count, months,
          (System.nanoTime() - started) / 1_000_000_000);
    } finally {
      ClockUtil.reset();
      if (executing) {
        executor.start();
      }
    }
  }

  /** One replay: the queue of what happens next, in time order. */
  private final class Replay {

    private final Recipe recipe;
    private final Random random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(Comparator.comparing(Event::at));
    private final Set<String> scheduled = new HashSet<>();
    private final Set<String> failedJobs = new HashSet<>();
    private final Map<String, Integer> stepsDone = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final Instant now = ClockUtil.getCurrentTime().toInstant();
    private Instant last = Instant.MIN;

    Replay(Recipe recipe) {
      this.recipe = recipe;
      this.random = new Random(recipe.seed());
    }

    int run(int months) {
      LocalDate today = LocalDate.ofInstant(now, calendar.zone());
      int number = 0;
      for (LocalDate day = YearMonth.from(today).minusMonths(months - 1L).atDay(1); !day.isAfter(today);
           day = day.plusDays(1)) {
        if (!calendar.isWorkingDay(day)) {
          continue;
        }
        Instant opening = day.atTime(LocalTime.of(7, 30)).atZone(calendar.zone()).toInstant();
        int submitted = recipe.perWorkingDay() + random.nextInt(3) - 1;
        for (int i = 0; i < submitted; i++) {
          Instant at = calendar.addWorkingMinutes(opening, random.nextInt((int) calendar.minutesPerDay()));
          if (at.isBefore(now)) {
            queue.add(new Event(at, Action.SUBMIT, plan(++number, at), null, null));
          }
        }
      }
      while (!queue.isEmpty()) {
        Event event = queue.poll();
        fireTimersUntil(event.at());
        at(event.at());
        try {
          happen(event);
        } catch (RuntimeException refused) {
          LOG.warn("Demo history: {} of dossier {} was refused: {}", event.taskId() == null ? "a step" : "task "
              + event.taskId(), event.receiptCode(), refused.getMessage());
        }
      }
      fireTimersUntil(now);
      return number;
    }

    private Plan plan(int number, Instant submitted) {
      int total = recipe.procedures().stream().mapToInt(Kind::weight).sum();
      int pick = random.nextInt(total);
      Kind kind = recipe.procedures().get(0);
      for (Kind candidate : recipe.procedures()) {
        pick -= candidate.weight();
        if (pick < 0) {
          kind = candidate;
          break;
        }
      }
      Place place = kind.places().get(random.nextInt(kind.places().size()));
      Person applicant = recipe.applicants().get(random.nextInt(recipe.applicants().size()));
      String submitter = random.nextDouble() < recipe.counterShare() ? place.counter()
          : applicant.user() == null ? recipe.onlineSubmitter() : applicant.user();
      boolean refused = random.nextDouble() < recipe.refusedShare();
      boolean supplement = random.nextDouble() < recipe.supplementShare();
      int lateStep = random.nextDouble() < recipe.lateShare() ? 1 + random.nextInt(4) : -1;
      boolean recent = submitted.isAfter(now.minus(java.time.Duration.ofDays(recipe.stalledWithinDays())));
      int stalledStep = recent && random.nextDouble() < recipe.stalledShare() ? 2 + random.nextInt(3) : -1;
      return new Plan(kind, place, applicant, number, submitter, refused, supplement, lateStep, stalledStep);
    }

    private void happen(Event event) {
      switch (event.action()) {
        case SUBMIT -> submit(event.plan());
        case STEP -> complete(event);
        // the fee, at the counter that receives the dossier (online payers of the past paid there too)
        case FEE -> payments.paidAtCounter(event.receiptCode(), "BL-" + event.receiptCode(), staff(directory
            .members(AgencyRole.COUNTER.groupOf(jdbc.queryForObject(
                "select receiving_agency from dossier where receipt_code = ?", String.class, event.receiptCode())))
            .stream().sorted().findFirst().orElseThrow()));
        case PAY -> dossiers.obligationsPaid(event.receiptCode(), "BL-" + event.receiptCode(),
            staff(event.plan().kind().paymentRecordedBy()));
        case SUPPLEMENT -> dossiers.supplement(event.receiptCode(), staff(event.plan().submitter()));
      }
      doWhatWorkersDid();
      if (event.receiptCode() != null) {
        next(event.plan(), event.receiptCode());
      }
    }

    private void submit(Plan plan) {
      Map<String, Integer> extra = plan.kind().request() == null ? Map.of() : plan.kind().request();
      String idNumber = String.format("0201%08d", 19_000_000 + plan.number() * 7919 % 1_000_000);
      SubmitDossierRequest request = new SubmitDossierRequest(plan.kind().code(),
          plan.submitter().equals(plan.place().counter()) ? Channel.COUNTER : Channel.ONLINE, null,
          plan.place().commune(),
          new SubmitDossierRequest.ApplicantData(plan.applicant().fullName(), idNumber,
              String.format("09%08d", plan.number() * 104_729 % 100_000_000), null, null, null),
          null, extra.get("copies"), extra.get("pages"), null, null);
      String receiptCode = dossiers.submit(request, staff(plan.submitter())).getReceiptCode();
      plans.put(receiptCode, plan);
      next(plan, receiptCode);
    }

    private void complete(Event event) {
      Task task = tasks.createTaskQuery().taskId(event.taskId()).singleResult();
      if (task == null) {
        return; // the step ended on its own (a stage closed before its escalation was answered)
      }
      String step = task.getTaskDefinitionKey();
      Map<String, Object> values = recipe.steps().get(step);
      if (event.plan().refused() && "Task_CheckCompleteness".equals(step)) {
        values = recipe.refusal();
      } else if (event.plan().supplement() && "Task_Appraise".equals(step)
          && scheduled.add(event.receiptCode() + " supplement")) {
        values = recipe.supplement();
      }
      Staff officer = staff(officerOf(task));
      TaskView claimed = worklist.claim(task.getId(), officer);
      if (claimed.requiredAttachment() != null) {
        documents.attach(event.receiptCode(), claimed.requiredAttachment(), task.getId(),
            new DocumentService.Upload(claimed.requiredAttachment() + ".pdf",
                pdf(event.receiptCode(), claimed.name(), officer.fullName())), officer);
      }
      try {
        worklist.complete(task.getId(), values, officer);
      } catch (RuleViolation outOfWindow) {
        // too late to ask for a supplement at this step: the officer appraises the dossier as it is
        worklist.complete(task.getId(), recipe.steps().get(step), officer);
      }
    }

    /**
     * Schedules what the dossier waits for now: its open steps the recipe knows (but the one its officers have not
     * done yet), the applicant's payment or supplement.
     */
    private void next(Plan plan, String receiptCode) {
      Instant at = ClockUtil.getCurrentTime().toInstant();
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(receiptCode).list()) {
        String step = task.getTaskDefinitionKey();
        if (recipe.steps().containsKey(step) && officerOf(task) != null && scheduled.add(task.getId())) {
          int number = recipe.punctual().contains(step) ? 0 : stepsDone.merge(receiptCode, 1, Integer::sum);
          if (number != plan.stalledStep()) {
            schedule(new Event(doneAt(task, at, number == plan.lateStep()), Action.STEP, plan, receiptCode,
                task.getId()));
          }
        }
      }
      Map<String, Object> state = jdbc.queryForMap("select status, current_stage from dossier where receipt_code = ?",
          receiptCode);
      String status = (String) state.get("status");
      boolean fee = DossierStatus.AWAITING_PAYMENT.name().equals(status)
          && Dossier.FEE_STAGE.equals(state.get("current_stage"));
      boolean pays = !fee && DossierStatus.AWAITING_PAYMENT.name().equals(status)
          && plan.kind().paymentRecordedBy() != null;
      boolean supplements = DossierStatus.AWAITING_SUPPLEMENT.name().equals(status);
      if (fee && scheduled.add(receiptCode + " fee")) {
        // paid as it is handed in at the counter; online, within the next working hours
        boolean atCounter = plan.submitter().equals(plan.place().counter());
        schedule(new Event(atCounter ? at : calendar.addWorkingMinutes(at, 30 + random.nextInt(600)), Action.FEE,
            plan, receiptCode, null));
      }
      if ((pays || supplements) && scheduled.add(receiptCode + " " + status)) {
        schedule(new Event(calendar.addWorkingMinutes(at, calendar.minutesPerDay() * (1 + random.nextInt(3))),
            pays ? Action.PAY : Action.SUPPLEMENT, plan, receiptCode, null));
      }
    }

    private void schedule(Event event) {
      if (event.at().isBefore(now)) {
        queue.add(event);
      }
    }

    /** When the officer does the step: early in its time, or (the late step of a late dossier) well after it. */
    private Instant doneAt(Task task, Instant from, boolean late) {
      if (task.getDueDate() == null || !task.getDueDate().toInstant().isAfter(from)) {
        return calendar.addWorkingMinutes(from, 10 + random.nextInt(late ? 1500 : 80));
      }
      long budget = calendar.workingMinutesBetween(from, task.getDueDate().toInstant());
      double share = late ? 1.2 + 2 * random.nextDouble() : 0.05 + 0.4 * random.nextDouble();
      return calendar.addWorkingMinutes(from, Math.max(10, Math.round(budget * share)));
    }

    /** Fires the timers due up to the moment, each at its own due time, oldest first. */
    private void fireTimersUntil(Instant moment) {
      while (true) {
        ClockUtil.setCurrentTime(Date.from(moment));
        List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
            .filter(job -> !failedJobs.contains(job.getId())).limit(1).toList();
        if (due.isEmpty()) {
          return;
        }
        Job job = due.get(0);
        at(job.getDuedate() == null ? moment : job.getDuedate().toInstant());
        try {
          management.executeJob(job.getId());
        } catch (ProcessEngineException failed) {
          failedJobs.add(job.getId());
          LOG.warn("Demo history: job {} failed: {}", job.getId(), failed.getMessage());
          continue;
        }
        doWhatWorkersDid();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult();
        Plan plan = instance == null ? null : plans.get(instance.getBusinessKey());
        if (plan != null) {
          next(plan, instance.getBusinessKey());
        }
      }
    }

    /**
     * The workers' part of the past, done here at the moment it happened (the workers start once the replay is over):
     * the notices reached their applicants, without mailing anyone today; the land information reached the tax
     * office; the documents of the past stay unsigned (signatures are made from the first real start on, with the
     * signing service's keys).
     */
    private void doWhatWorkersDid() {
      ExternalTaskService external = engine.getExternalTaskService();
      // until none is left: a signed result is then announced (the notice is a task of its own)
      List<LockedExternalTask> fetched;
      do {
        fetched = external.fetchAndLock(100, DEMO_WORKER)
            .topic(Topics.NOTIFY_APPLICANT, 60_000).variables("applicantEmail", "applicantPhone")
            .topic(Topics.SIGN_DOCUMENT, 60_000).variables("documentId")
            .topic(Topics.SEND_LAND_INFORMATION, 60_000).variables("receiptCode").execute();
        for (LockedExternalTask task : fetched) {
          external.complete(task.getId(), DEMO_WORKER, switch (task.getTopicName()) {
            case Topics.NOTIFY_APPLICANT -> Map.of("notifiedByEmail",
                task.getVariables().get("applicantEmail") != null,
                "notifiedBySms", task.getVariables().get("applicantPhone") != null);
            case Topics.SEND_LAND_INFORMATION -> Map.of("taxTransferId", "CT-" + task.getBusinessKey());
            default -> Map.<String, Object>of();
          });
        }
      } while (!fetched.isEmpty());
    }

    /** Moves the engine clock to the moment, never back before what already happened. */
    private void at(Instant moment) {
      last = moment.isAfter(last) ? moment : last;
      ClockUtil.setCurrentTime(Date.from(last));
    }

    private String officerOf(Task task) {
      List<String> members = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .flatMap(link -> directory.members(link.getGroupId()).stream()).distinct().sorted().toList();
      return members.isEmpty() ? null : members.get(Math.floorMod(task.getId().hashCode(), members.size()));
    }

    private Staff staff(String username) {
      return directory.find(username)
          .orElseThrow(() -> new IllegalStateException("demo/dossiers.json names an unknown user " + username));
    }
  }

  /** The document an officer uploads at a step that asks for one: a one-page PDF that says what it stands for. */
  static byte[] pdf(String receiptCode, String step, String officer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("Hồ sơ " + receiptCode, PdfFonts.bold(14)));
    document.add(new Paragraph(step + " – " + officer, PdfFonts.regular(12)));
    document.add(new Paragraph("Tài liệu minh họa của dữ liệu mẫu / demo document", PdfFonts.italic(11)));
    document.close();
    return out.toByteArray();
  }
}
