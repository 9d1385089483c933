package vn.motcua.webapp.reform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * Rolls a new version of a procedure's model out to the dossiers still running on an older one, through the engine's
 * migration: every step is mapped to the step of the same id in the new version, and timers keep their due dates
 * (legal time already running is not restarted). The preview says, dossier by dossier, whether it can move and, if
 * not, which of its current steps the new version lacks. Each dossier moves in its own transaction with its trail
 * entry; the roll-out is logged with who did it.
 */
@Service
class Migrations {

  /** A version of the model and how many dossiers run on it. */
  record Version(String id, int version, String versionTag, long running) {
  }

  /** A running dossier: where it stands, and the steps the new version lacks (none: it can move). */
  record Candidate(String processInstanceId, String receiptCode, List<String> at, List<String> blockers) {
    public boolean movable() {
      return blockers.isEmpty();
    }
  }

  /** What moving from a version to the latest would do. */
  record Preview(String processKey, Version from, Version to, List<String> planProblems, List<Candidate> dossiers) {
    public long movable() {
      return planProblems.isEmpty() ? dossiers.stream().filter(Candidate::movable).count() : 0;
    }
  }

  /** What a roll-out did: the dossiers moved, and those that stayed with the reason. */
  record Outcome(List<String> moved, List<String> stayed) {
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final DossierService dossiers;
  private final ModelChanges changes;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Migrations(RepositoryService repository, RuntimeService runtime, DossierService dossiers, ModelChanges changes,
      TransactionTemplate transaction, Clock clock) {
    this.repository = repository;
    this.runtime = runtime;
    this.dossiers = dossiers;
    this.changes = changes;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Every version of a procedure's model, the latest first, with the dossiers running on each. */
  List<Version> versions(String processKey) {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().desc().list();
    if (definitions.isEmpty()) {
      throw ApiException.notFound("migration.unknownModel", processKey);
    }
    return definitions.stream().map(d -> new Version(d.getId(), d.getVersion(), d.getVersionTag(),
        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count())).toList();
  }

  /** The dossiers on an older version that could move to the latest, and why the others cannot. */
  Preview preview(String processKey, int fromVersion) {
    List<Version> versions = versions(processKey);
    Version to = versions.get(0);
    Version from = versions.stream().filter(v -> v.version() == fromVersion).findFirst()
        .orElseThrow(() -> ApiException.badRequest("migration.unknownVersion", processKey, fromVersion));
    if (from.version() == to.version()) {
      throw ApiException.badRequest("migration.alreadyLatest", processKey, fromVersion);
    }
    List<String> planProblems = new ArrayList<>();
    Set<String> mapped = new LinkedHashSet<>();
    try {
      plan(from, to).getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
    } catch (MigrationPlanValidationException invalid) {
      invalid.getValidationReport().getInstructionReports().forEach(report -> planProblems.addAll(
          report.getFailures()));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(from.id())
        .orderByBusinessKey().asc().list()) {
      List<String> at = new ArrayList<>();
      collect(runtime.getActivityInstance(instance.getId()), at);
      List<String> blockers = at.stream().filter(activity -> !mapped.contains(activity)).toList();
      candidates.add(new Candidate(instance.getId(), instance.getBusinessKey(), at,
          planProblems.isEmpty() ? blockers : List.copyOf(at)));
    }
    return new Preview(processKey, from, to, planProblems, candidates);
  }

  /**
   * Moves the chosen dossiers of the version (none chosen: every movable one) to the latest, each on its own; logs
   * the roll-out. A chosen dossier that does not run on the version is refused before anything moves.
   */
  Outcome migrate(String processKey, int fromVersion, Set<String> chosen, Staff by) {
    if (!by.reforming()) {
      throw ApiException.forbidden("models.reformOnly");
    }
    Preview preview = preview(processKey, fromVersion);
    if (!preview.planProblems().isEmpty()) {
      throw ApiException.unprocessable("migration.planInvalid", processKey, String.join("; ", preview.planProblems()));
    }
    Set<String> running = new java.util.HashSet<>();
    preview.dossiers().forEach(d -> running.add(d.receiptCode()));
    for (String code : chosen) {
      if (!running.contains(code)) {
        throw ApiException.badRequest("migration.notRunning", code, processKey, fromVersion);
      }
    }
    MigrationPlan plan = plan(preview.from(), preview.to());
    String versions = processKey + " v" + preview.from().version() + " → v" + preview.to().version();
    List<String> moved = new ArrayList<>();
    List<String> stayed = new ArrayList<>();
    for (Candidate candidate : preview.dossiers()) {
      if (!chosen.isEmpty() && !chosen.contains(candidate.receiptCode())) {
        continue;
      }
      if (!candidate.movable()) {
        stayed.add(candidate.receiptCode() + " (" + String.join(", ", candidate.blockers()) + ")");
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> {
          runtime.newMigration(plan).processInstanceIds(candidate.processInstanceId()).execute();
          dossiers.movedTo(candidate.receiptCode(), preview.to().id(), versions, by.username());
        });
        moved.add(candidate.receiptCode());
      } catch (ProcessEngineException | ApiException refused) {
        stayed.add(candidate.receiptCode() + " (" + refused.getMessage() + ")");
      }
    }
    changes.save(new ModelChange(clock.instant(), by.username(), ModelChange.Action.MIGRATED, versions,
        "moved " + moved.size() + (moved.isEmpty() ? "" : ": " + String.join(", ", moved)) + "; stayed "
            + stayed.size() + (stayed.isEmpty() ? "" : ": " + String.join("; ", stayed))));
    return new Outcome(moved, stayed);
  }

  /** Each step to the step of the same id; timers keep their due dates. */
  private MigrationPlan plan(Version from, Version to) {
    return runtime.createMigrationPlan(from.id(), to.id()).mapEqualActivities().build();
  }

  /** The steps a dossier stands at, scopes included (a call activity, a sub-process and the task inside it). */
  private static void collect(ActivityInstance instance, List<String> at) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      at.add(child.getActivityId());
      collect(child, at);
    }
    for (var transition : instance.getChildTransitionInstances()) {
      at.add(transition.getActivityId());
    }
  }

  /** The log of model changes, the latest first. */
  List<ModelChange> log() {
    return changes.findTop50ByOrderByAtDescIdDesc();
  }

  /** The older versions of a model that dossiers still run on. */
  List<Version> behind(String processKey) {
    List<Version> versions = versions(processKey);
    return versions.stream().skip(1).filter(v -> v.running() > 0)
        .sorted(Comparator.comparingInt(Version::version)).toList();
  }
}
