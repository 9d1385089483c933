package vn.motcua.webapp.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.motcua.processes.legaltime.LegalTimePlugin;
import vn.motcua.processes.rules.ModelRulesPlugin;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.SubmitDossierRequest;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.webapp.task.Worklist;

/**
 * One dossier's lifecycle, the three ways {@link LifecycleBenchmark} compares: the raw engine through its Java API,
 * motcua's services, motcua's REST API. Each records a birth registration at the counter of Thụy Hùng commune, takes it
 * through its four steps with the same decisions, and does the workers' part through the engine.
 */
final class Lifecycles {

  private static final String PROCEDURE = "1.001193";
  private static final String COMMUNE = "06148";
  private static final String COUNTER = "thuyhung.motcua";
  private static final String SPECIALIST = "thuyhung.tuphap";
  private static final String LEADER = "thuyhung.chutich";
  private static final String NOTIFY = "notify-applicant";
  private static final String SIGN = "sign-document";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The draft the specialist attaches to the appraisal, as motcua's step rules ask. */
  private static final byte[] DRAFT = vn.motcua.webapp.Api.pdf("Dự thảo giấy khai sinh");
  private static final String APPRAISE = "Task_Appraise";

  private Lifecycles() {
  }

  /** A plain Camunda engine on its own database, with the same models and only the plugins they need. */
  static ProcessEngine rawEngine(String jdbcUrl) throws Exception {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(10);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("raw");
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory(System.getProperty("benchmark.rawHistory", "full"));
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setProcessEnginePlugins(List.of(new LegalTimePlugin(), new ModelRulesPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("motcua models");
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String folder : List.of("processes", "decisions", "forms")) {
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*.*")) {
        String url = resource.getURL().toString();
        deployment.addInputStream(url.substring(url.lastIndexOf(folder + "/")), resource.getInputStream());
      }
    }
    deployment.deploy();
    return engine;
  }


  private static String decision(String taskKey) {
    return switch (taskKey) {
      case "Task_CheckCompleteness" -> "completeness=COMPLETE";
      case "Task_Appraise" -> "appraisal=PROPOSE_APPROVE";
      case "Task_Approve" -> "approval=SIGN";
      case "Task_ReturnResult" -> "returnMethod=COUNTER";
      default -> throw new IllegalStateException("unexpected step " + taskKey);
    };
  }

  private static Map<String, Object> values(String taskKey) {
    String[] decision = decision(taskKey).split("=");
    Map<String, Object> values = new HashMap<>();
    values.put(decision[0], decision[1]);
    if (taskKey.equals("Task_Appraise")) {
      values.put("appraisalNote", "Đủ điều kiện");
    }
    if (taskKey.equals("Task_ReturnResult")) {
      values.put("receivedBy", "Nguyễn Văn An");
    }
    return values;
  }

  private static String officer(String taskKey) {
    return switch (taskKey) {
      case "Task_Appraise" -> SPECIALIST;
      case "Task_Approve" -> LEADER;
      default -> COUNTER;
    };
  }

  /**
   * What the workers do for a dossier, done the same way on both sides: sign the outgoing document (the signing
   * service itself is not measured) and send the notices.
   */
  private static void workersDoTheirPart(ProcessEngine engine, String receiptCode) {
    for (LockedExternalTask task : engine.getExternalTaskService().fetchAndLock(10, "benchmark")
        .topic(SIGN, 60_000).businessKey(receiptCode).topic(NOTIFY, 60_000).businessKey(receiptCode).execute()) {
      engine.getExternalTaskService().complete(task.getId(), "benchmark",
          SIGN.equals(task.getTopicName()) ? Map.of("signedDocumentId", 1L) : Map.of());
    }
  }

  /** The dossier's single open step, once the workers have done what comes before it. */
  private static Task next(ProcessEngine engine, String receiptCode) {
    workersDoTheirPart(engine, receiptCode);
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptCode).singleResult();
  }

  private static void requireFinished(ProcessEngine engine, String receiptCode) {
    workersDoTheirPart(engine, receiptCode);
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptCode).count() != 0) {
      throw new IllegalStateException(receiptCode + " did not finish: waits at "
          + engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptCode).list()
          .stream().map(i -> engine.getRuntimeService().getActiveActivityIds(i.getId())).toList());
    }
  }

  /** The plain engine: start with the variables motcua passes, then claim and complete each step. */
  record Raw(ProcessEngine engine, Map<String, Object> variables) {

    void lifecycle(int n) {
      String receiptCode = "RAW-" + n + "-" + System.nanoTime();
      Map<String, Object> start = new HashMap<>(variables);
      start.put("receiptCode", receiptCode);
      start.put("rulesAsOf", new java.util.Date());
      engine.getRuntimeService().startProcessInstanceByKey("birthRegistration", receiptCode, start);
      for (Task task = next(engine, receiptCode); task != null; task = next(engine, receiptCode)) {
        engine.getTaskService().claim(task.getId(), officer(task.getTaskDefinitionKey()));
        engine.getTaskService().complete(task.getId(), values(task.getTaskDefinitionKey()));
      }
      requireFinished(engine, receiptCode);
    }
  }

  /** motcua's services, as the workbench calls them. */
  static final class Motcua {
    private final DossierService dossiers;
    private final DocumentService documents;
    private final Worklist worklist;
    final ProcessEngine engine;
    private final Rules rules;
    private final Map<String, Staff> staff = new HashMap<>();

    Motcua(ConfigurableApplicationContext app) {
      dossiers = app.getBean(DossierService.class);
      documents = app.getBean(DocumentService.class);
      worklist = app.getBean(Worklist.class);
      engine = app.getBean(ProcessEngine.class);
      rules = app.getBean(Rules.class);
      StaffDirectory directory = app.getBean(StaffDirectory.class);
      for (String username : List.of(COUNTER, SPECIALIST, LEADER)) {
        staff.put(username, directory.find(username).orElseThrow());
      }
    }

    /** What motcua passes to a dossier's process: what the raw engine gets too. */
    Map<String, Object> variables() {
      String ruleSet = rules.ruleSetVersion(LocalDate.now()).orElseThrow();
      Map<String, Object> variables = new Rules.Facts(PROCEDURE, Channel.COUNTER.name(), ruleSet, "THREE_LEVEL",
          "20", "180", COMMUNE, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).variables();
      variables.putAll(Map.of("receivingAgency", "X06148", "procedureName", "Đăng ký khai sinh",
          "applicantName", "Nguyễn Văn An", "applicantIdNumber", "020190001234", "applicantPhone", "0912345678",
          "applicantLanguage", "vi", "requiredDocumentsText", "Tờ khai đăng ký khai sinh",
          "applicantCategory", "CITIZEN", "feeAmount", 0L, "copies", 1));
      variables.put("pages", 1);
      variables.put("returnMethod", "COUNTER");
      return variables;
    }

    void lifecycle(int n) {
      String receiptCode = dossiers.submit(new SubmitDossierRequest(PROCEDURE, Channel.COUNTER, null, COMMUNE,
          applicant(), null, null, null, "COUNTER", null), staff.get(COUNTER)).getReceiptCode();
      for (Task task = next(engine, receiptCode); task != null; task = next(engine, receiptCode)) {
        if (APPRAISE.equals(task.getTaskDefinitionKey())) {
          documents.attach(receiptCode, "DRAFT", task.getId(), new DocumentService.Upload("du-thao.pdf", DRAFT),
              staff.get(SPECIALIST));
        }
        worklist.complete(task.getId(), values(task.getTaskDefinitionKey()),
            staff.get(officer(task.getTaskDefinitionKey())));
      }
      requireFinished(engine, receiptCode);
    }
  }

  private static SubmitDossierRequest.ApplicantData applicant() {
    return new SubmitDossierRequest.ApplicantData("Nguyễn Văn An", "020190001234", "0912345678", null,
        "Thôn Bản Chắt, xã Thụy Hùng", null);
  }

  /** An officer's client of the REST API: each request signed in with HTTP Basic. */
  static final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final ProcessEngine engine;

    Http(int port, ProcessEngine engine) {
      base = "http://localhost:" + port;
      this.engine = engine;
    }

    void lifecycle(int n) {
      String receiptCode = send(COUNTER, "POST", "/api/v1/dossiers", Map.of("procedureCode", PROCEDURE,
          "channel", "COUNTER", "communeCode", COMMUNE, "returnMethod", "COUNTER", "applicant",
          Map.of("fullName", "Nguyễn Văn An", "idNumber", "020190001234", "phone", "0912345678")))
          .get("receiptCode").asText();
      for (String step : List.of("Task_CheckCompleteness", "Task_Appraise", "Task_Approve", "Task_ReturnResult")) {
        String officer = officer(step);
        workersDoTheirPart(engine, receiptCode);
        String taskId = null;
        for (JsonNode task : send(officer, "GET", "/api/v1/tasks", null)) {
          if (receiptCode.equals(task.get("receiptCode").asText()) && step.equals(task.get("taskKey").asText())) {
            taskId = task.get("id").asText();
          }
        }
        if (taskId == null) {
          throw new IllegalStateException(receiptCode + ": " + step + " not in the task list of " + officer);
        }
        if (APPRAISE.equals(step)) {
          attachDraft(officer, receiptCode, taskId);
        }
        send(officer, "POST", "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", values(step)));
      }
      requireFinished(engine, receiptCode);
    }

    private void attachDraft(String username, String receiptCode, String taskId) {
      String boundary = "motcua-benchmark-" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDRAFT\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + taskId + "\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"du-thao.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n";
      body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(DRAFT);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      exchange(signedIn(username, "/api/v1/dossiers/" + receiptCode + "/documents")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "POST documents");
    }

    private HttpRequest.Builder signedIn(String username, String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (username + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
    }

    private JsonNode send(String username, String method, String path, Object body) {
      try {
        HttpRequest.Builder request = signedIn(username, path);
        if (body == null) {
          request.GET();
        } else {
          request.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return exchange(request, method + " " + path);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private JsonNode exchange(HttpRequest.Builder request, String what) {
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
