package vn.motcua.processes.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Which version of a decision table is in force at a moment. A version whose tag is a date ({@code 2027-01-01}) takes
 * effect at the start of that day: a reform is deployed ahead and scheduled. Any other version takes effect when it is
 * deployed. At a moment, the highest version already in effect is in force (the first version answers for any moment
 * before everything else). A dossier asks at the moment it entered the service, so it keeps the versions in force then
 * to its end, whatever is deployed or takes effect meanwhile.
 */
public final class RuleVersions {

  /** One deployed version of a table. */
  public record Version(String id, int version, String versionTag, Instant deployedAt) {

    /** The day a scheduled version takes effect; none for a version that takes effect on deployment. */
    public Optional<LocalDate> scheduledFor() {
      if (versionTag == null || !versionTag.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(versionTag));
      } catch (DateTimeParseException notADay) {
        return Optional.empty();
      }
    }

    /** The moment this version takes effect. */
    public Instant effectiveFrom(ZoneId zone) {
      return scheduledFor().map(day -> day.atStartOfDay(zone).toInstant()).orElse(deployedAt);
    }
  }

  /** The versions of each table, kept while its latest version stays the same (versions never change). */
  private static final Map<String, Known> KNOWN = new ConcurrentHashMap<>();

  private record Known(String latestId, List<Version> versions) {
  }

  private RuleVersions() {
  }

  /** The version of a table in force at a moment, asked of an engine. */
  public static Optional<Version> inForce(ProcessEngine engine, String key, Instant at, ZoneId zone) {
    return inForce(deployed(engine, key), at, zone);
  }

  /** Every deployed version of a table, asked of an engine. */
  public static List<Version> deployed(ProcessEngine engine, String key) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> deployed(context, key));
  }

  /** Every deployed version of a table (one query for the latest while nothing new is deployed). */
  static List<Version> deployed(CommandContext context, String key) {
    DecisionDefinitionEntity latest = context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key);
    if (latest == null) {
      return List.of();
    }
    Known cached = KNOWN.get(key);
    if (cached != null && cached.latestId().equals(latest.getId())) {
      return cached.versions();
    }
    DecisionDefinitionQueryImpl query = new DecisionDefinitionQueryImpl();
    query.decisionDefinitionKey(key);
    List<Version> versions = query.executeList(context, null).stream().map(definition -> new Version(
        definition.getId(), definition.getVersion(), definition.getVersionTag(),
        context.getDeploymentManager().findDeploymentById(definition.getDeploymentId()).getDeploymentTime()
            .toInstant())).sorted(Comparator.comparingInt(Version::version)).toList();
    KNOWN.put(key, new Known(latest.getId(), versions));
    return versions;
  }

  /** The version in force at a moment. */
  public static Optional<Version> inForce(Collection<Version> versions, Instant at, ZoneId zone) {
    return versions.stream().filter(v -> !v.effectiveFrom(zone).isAfter(at)).max(Comparator.comparingInt(Version::version))
        .or(() -> versions.stream().min(Comparator.comparingInt(Version::version)));
  }

  /** The versions scheduled for a day after a moment and not yet in effect, the soonest first. */
  public static List<Version> upcoming(Collection<Version> versions, Instant at, ZoneId zone) {
    Optional<Version> current = inForce(versions, at, zone);
    return versions.stream().filter(v -> v.scheduledFor().isPresent() && v.effectiveFrom(zone).isAfter(at))
        .filter(v -> current.isEmpty() || v.version() > current.get().version())
        .sorted(Comparator.comparing((Version v) -> v.effectiveFrom(zone)).thenComparingInt(Version::version))
        .toList();
  }
}
