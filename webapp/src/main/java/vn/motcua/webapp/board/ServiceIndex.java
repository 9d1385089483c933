package vn.motcua.webapp.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.place.AdminUnit;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * The Decision 766 service index of a unit for a period: each component's points are its maximum times
 * min(1, rate ÷ the rate that earns full points), or the maximum or nothing when there was nothing to count. The
 * components, their groups, weights, thresholds and which figure feeds each are the {@code serviceIndex} decision;
 * this class only measures the figures: from the unit's dossiers, from the deployed procedures, or as entered.
 */
@Component
public class ServiceIndex {

  /** A component as the decision defines it. */
  public record Part(int group, String groupName, String code, String name, double maxPoints, double fullAt,
                     String metric, boolean fullWhenNoData) {
  }

  /** A measured rate; nothing to count when the denominator is zero. */
  public record Rate(double numerator, double denominator) {
    @JsonProperty
    public Double value() {
      return denominator <= 0 ? null : numerator / denominator;
    }
  }

  /** A component's rate and points for a unit. */
  public record Score(Part part, Rate rate, double points) {
    @JsonProperty
    public boolean noData() {
      return rate == null || rate.value() == null;
    }
  }

  /** A unit's index: its components, the points of each group (1–6) and the total out of 100. */
  public record Result(String unitCode, String unitName, List<Score> scores, Map<Integer, Double> groups,
                       double total) {
  }

  /** Evaluates the deployed table without the engine's decision history: a board request writes nothing. */
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final RepositoryService repository;
  private final ProcedureCatalog catalog;
  private final String version;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  ServiceIndex(@Lazy RepositoryService repository, ProcedureCatalog catalog, MotcuaProperties properties) {
    this.repository = repository;
    this.catalog = catalog;
    this.version = properties.board().indexVersion();
  }

  /** The components of the latest deployed {@code serviceIndex} decision for the configured index version. */
  public List<Part> parts() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey("serviceIndex")
        .latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("the serviceIndex decision is not deployed");
    }
    DmnDecision decision = parsed.computeIfAbsent(definition.getId(),
        id -> DMN.parseDecision("serviceIndex", repository.getDecisionModel(id)));
    return DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("indexVersion", version))
        .getResultList().stream()
        .map(row -> new Part(((Number) row.get("group")).intValue(), (String) row.get("groupName"),
            (String) row.get("component"), (String) row.get("name"), ((Number) row.get("maxPoints")).doubleValue(),
            ((Number) row.get("fullAt")).doubleValue(), (String) row.get("metric"),
            "FULL".equals(row.get("whenNoData"))))
        .toList();
  }

  /**
   * Scores a unit. {@code level}: the unit's level (null for the whole country), which decides the procedures it
   * offers; {@code inputs}: the rates entered for it, by component code.
   */
  public Result score(List<Part> parts, List<Procedure> procedures, String unitCode, String unitName,
      AdminUnit.Level level, Kpis figures, Map<String, Rate> inputs) {
    List<Score> scores = new ArrayList<>();
    Map<Integer, Double> groups = new TreeMap<>();
    double total = 0;
    for (Part part : parts) {
      Rate rate = "INPUT".equals(part.metric()) ? inputs.get(part.code())
          : measured(part.metric(), offered(procedures, level), figures);
      Double value = rate == null ? null : rate.value();
      double points = value == null ? (part.fullWhenNoData() ? part.maxPoints() : 0)
          : part.maxPoints() * Math.min(1.0, value / part.fullAt());
      points = Math.round(points * 100) / 100.0;
      scores.add(new Score(part, rate, points));
      groups.merge(part.group(), points, Double::sum);
      total += points;
    }
    groups.replaceAll((group, points) -> Math.round(points * 100) / 100.0);
    return new Result(unitCode, unitName, scores, groups, Math.round(total * 100) / 100.0);
  }

  private static Rate measured(String metric, List<Procedure> offered, Kpis k) {
    return switch (metric) {
      case "ON_TIME" -> new Rate(k.early() + k.onTime(), k.finished());
      case "ONLINE_SHARE" -> new Rate(k.online(), k.received());
      case "PORTAL_SYNCED" -> new Rate(k.portalSynced(), k.received());
      case "ELECTRONIC_RESULT" -> new Rate(k.electronicResults(), k.finished());
      case "DIGITIZED" -> new Rate(k.digitized(), k.received());
      case "PAID_ONLINE" -> new Rate(k.paidOnline(), k.feeDossiers());
      case "PAYMENT_PROCEDURES_USED" -> new Rate(k.paidProcedures(), k.feeProcedures());
      case "SATISFACTION" -> new Rate(k.satisfied(), k.rated());
      case "ONLINE_PROCEDURES" -> new Rate(offered.stream()
          .filter(p -> "FULL".equals(p.onlineServiceLevel())).count(), offered.size());
      case "ONLINE_PROCEDURES_USED" -> new Rate(k.onlineProcedures(), offered.stream()
          .filter(p -> "FULL".equals(p.onlineServiceLevel()) || "PARTIAL".equals(p.onlineServiceLevel())).count());
      default -> throw new IllegalStateException("the serviceIndex decision names an unknown metric " + metric);
    };
  }

  /** The deployed procedures, for {@link #score}. */
  public List<Procedure> procedures() {
    return catalog.procedures();
  }

  /** The procedures a unit offers: those of its level and of the levels below it. */
  private static List<Procedure> offered(List<Procedure> procedures, AdminUnit.Level level) {
    Set<AdminUnit.Level> levels = level == null ? EnumSet.allOf(AdminUnit.Level.class)
        : EnumSet.range(level, AdminUnit.Level.COMMUNE);
    return procedures.stream()
        .filter(p -> p.level() != null && levels.contains(AdminUnit.Level.valueOf(p.level())))
        .toList();
  }
}
