package vn.motcua.webapp.reform;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.processes.rules.QuietTables;
import vn.motcua.processes.rules.RuleVersions;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.place.Agency;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/**
 * What a proposed rule set would have done to past work: the dossiers finished in the last months replayed against
 * proposed processing-time and routing tables (uploaded, not deployed) beside the tables they were really handled
 * under (the versions in force when each entered). Legal time: the proposed days moved the deadline by the same number
 * of working days (pauses, restarts and apologies kept); a dossier is on time if it finished by it — the finish times
 * are the real ones. Load: how many dossiers each agency had per routed stage, and would have had.
 */
@Service
class WhatIf {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WhatIf.class);
  static final int MAX_MONTHS = 24;
  private static final String TIME = "processingTime";
  private static final String ROUTING = "routing";

  /** On time before and after, for one procedure or all. */
  record Timeliness(String code, String name, int finished, int onTimeBefore, int onTimeAfter) {
    public BigDecimal rateBefore() {
      return rate(onTimeBefore, finished);
    }

    public BigDecimal rateAfter() {
      return rate(onTimeAfter, finished);
    }
  }

  /** An agency's dossiers (one per routed stage) as handled and as they would have been. */
  record Load(String agency, String name, int before, int after) {
    public int change() {
      return after - before;
    }
  }

  /** The replay: the period, the tables proposed, the totals, each procedure and each agency. */
  record Result(LocalDate from, LocalDate to, List<String> proposed, Timeliness total, List<Timeliness> procedures,
                List<Load> agencies) {
  }

  /** A proposed table as uploaded. */
  record Upload(String fileName, byte[] content) {
  }

  private final ProcessEngine engine;
  private final DossierQueries dossiers;
  private final ProcedureCatalog catalog;
  private final LegalCalendar calendar;
  private final Places places;
  private final Clock clock;

  WhatIf(ProcessEngine engine, DossierQueries dossiers, ProcedureCatalog catalog, LegalCalendar calendar,
      Places places, Clock clock) {
    this.engine = engine;
    this.dossiers = dossiers;
    this.catalog = catalog;
    this.calendar = calendar;
    this.places = places;
    this.clock = clock;
  }

  Result replay(int months, List<Upload> files) {
    if (months < 1 || months > MAX_MONTHS) {
      throw ApiException.badRequest("whatIf.monthsInvalid", MAX_MONTHS);
    }
    Map<String, DmnDecision> proposed = proposal(files);
    Map<String, List<RuleVersions.Version>> deployed = new HashMap<>();
    for (String key : List.of(TIME, ROUTING)) {
      deployed.put(key, RuleVersions.deployed(engine, key));
    }
    Set<String> stages = stages(deployed.get(ROUTING));

    Instant to = clock.instant();
    Instant from = ZonedDateTime.ofInstant(to, clock.getZone()).minusMonths(months).toInstant();
    Map<String, int[]> perProcedure = new TreeMap<>();
    Map<String, int[]> perAgency = new TreeMap<>();
    int finished = 0;
    int onTimeBefore = 0;
    int onTimeAfter = 0;
    for (Dossier dossier : dossiers.finishedWithDeadline(from, to)) {
      Procedure procedure = catalog.byCode(dossier.getProcedureCode()).orElse(null);
      if (procedure == null || dossier.getReceivedAt() == null) {
        continue;
      }
      Map<String, Object> facts = facts(dossier);
      String level = procedure.level();
      for (String stage : stages) {
        facts.put("stage", stage);
        Map<String, Object> before = first(actual(ROUTING, dossier, deployed), facts);
        Map<String, Object> after = proposed.containsKey(ROUTING) ? first(proposed.get(ROUTING), facts) : before;
        count(perAgency, before, 0);
        count(perAgency, after, 1);
        if ("HANDLE".equals(stage) && before != null && before.get("level") != null) {
          level = (String) before.get("level");
        }
      }
      facts.put("level", level);
      facts.put("circumstance", null);
      BigDecimal daysBefore = days(first(actual(TIME, dossier, deployed), facts));
      BigDecimal daysAfter = proposed.containsKey(TIME) ? days(first(proposed.get(TIME), facts)) : daysBefore;
      if (daysBefore == null || daysAfter == null) {
        continue;
      }
      boolean wasOnTime = !dossier.getFinishedAt().isAfter(dossier.getDeadline());
      boolean wouldBe = !dossier.getFinishedAt().isAfter(deadline(dossier, daysBefore, daysAfter));
      int[] row = perProcedure.computeIfAbsent(dossier.getProcedureCode(), k -> new int[3]);
      row[0]++;
      row[1] += wasOnTime ? 1 : 0;
      row[2] += wouldBe ? 1 : 0;
      finished++;
      onTimeBefore += wasOnTime ? 1 : 0;
      onTimeAfter += wouldBe ? 1 : 0;
    }
    List<Timeliness> procedures = new ArrayList<>();
    perProcedure.forEach((code, row) -> procedures.add(new Timeliness(code,
        catalog.byCode(code).map(Procedure::name).orElse(code), row[0], row[1], row[2])));
    List<Load> agencies = new ArrayList<>();
    perAgency.forEach((code, row) -> agencies.add(new Load(code,
        places.agency(code).map(Agency::getName).orElse(code), row[0], row[1])));
    return new Result(LocalDate.ofInstant(from, clock.getZone()), LocalDate.ofInstant(to, clock.getZone()),
        List.copyOf(proposed.keySet()), new Timeliness(null, null, finished, onTimeBefore, onTimeAfter), procedures,
        agencies);
  }

  /** The uploaded tables, read by the engine's DMN engine without deploying them; only the two it replays. */
  private Map<String, DmnDecision> proposal(List<Upload> files) {
    if (files.isEmpty()) {
      throw ApiException.badRequest("whatIf.noFiles");
    }
    Map<String, DmnDecision> proposed = new LinkedHashMap<>();
    for (Upload file : files) {
      if (file.content().length == 0 || file.content().length > ModelDeployments.MAX_BYTES
          || file.fileName() == null || !file.fileName().endsWith(".dmn")) {
        throw ApiException.badRequest("whatIf.notATable", file.fileName());
      }
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
      } catch (RuntimeException unreadable) {
        throw ApiException.badRequest("whatIf.unreadable", file.fileName());
      }
      boolean any = false;
      for (String key : List.of(TIME, ROUTING)) {
        if (model.getModelElementById(key) != null) {
          try {
            proposed.put(key, QuietTables.read(model, key));
          } catch (RuntimeException broken) {
            LOG.info("Proposed table {} in {} cannot be read: {}", key, file.fileName(), broken.getMessage());
            throw ApiException.badRequest("whatIf.unreadable", file.fileName());
          }
          any = true;
        }
      }
      if (!any) {
        throw ApiException.badRequest("whatIf.noDecision", file.fileName());
      }
    }
    return proposed;
  }

  /** The table's version in force when the dossier entered, as the engine used it. */
  private DmnDecision actual(String key, Dossier dossier, Map<String, List<RuleVersions.Version>> deployed) {
    return RuleVersions.inForce(deployed.get(key), dossier.getSubmittedAt(), clock.getZone())
        .map(version -> QuietTables.deployed(engine, version, key))
        .orElse(null);
  }

  /** The stages the routing table in force names (in its stage column), in the order first named. */
  private Set<String> stages(List<RuleVersions.Version> deployedRouting) {
    return RuleVersions.inForce(deployedRouting, clock.instant(), clock.getZone())
        .map(v -> QuietTables.namedIn(engine.getRepositoryService().getDmnModelInstance(v.id()), "stage"))
        .orElse(Set.of());
  }

  /** The dossier's facts as they were: routed, replayed, by the law of the day it was submitted. */
  private Map<String, Object> facts(Dossier dossier) {
    return new Rules.Facts(dossier.getProcedureCode(), dossier.getChannel().name(), dossier.getRuleSetVersion(),
        dossier.getAdminStructure(), dossier.getProvinceCode(), dossier.getDistrictCode(), dossier.getCommuneCode(),
        LocalDate.ofInstant(dossier.getSubmittedAt(), clock.getZone())).variables();
  }

  private static Map<String, Object> first(DmnDecision decision, Map<String, Object> facts) {
    if (decision == null) {
      return null;
    }
    List<Map<String, Object>> rows = QuietTables.evaluate(decision, facts);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static BigDecimal days(Map<String, Object> row) {
    return row == null || row.get("workingDays") == null ? null : new BigDecimal(row.get("workingDays").toString());
  }

  private static void count(Map<String, int[]> perAgency, Map<String, Object> route, int column) {
    if (route != null && route.get("agency") != null) {
      perAgency.computeIfAbsent((String) route.get("agency"), k -> new int[2])[column]++;
    }
  }

  /** The deadline the dossier would have had: its real one moved by the change of working days. */
  private Instant deadline(Dossier dossier, BigDecimal before, BigDecimal after) {
    int change = after.compareTo(before);
    if (change == 0) {
      return dossier.getDeadline();
    }
    if (after.signum() == 0) {
      return calendar.sameDay(dossier.getReceivedAt());
    }
    if (before.signum() == 0) {
      return calendar.deadline(dossier.getReceivedAt(), after);
    }
    return change > 0 ? calendar.deadline(dossier.getDeadline(), after.subtract(before))
        : calendar.before(dossier.getDeadline(), before.subtract(after));
  }

  private static BigDecimal rate(int part, int whole) {
    return whole == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
