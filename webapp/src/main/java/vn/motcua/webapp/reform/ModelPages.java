package vn.motcua.webapp.reform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.ReferenceDataLoader;
import vn.motcua.webapp.system.ApiException;

/**
 * The reform officers' pages: the procedures deployed now with the dossiers still on older versions, the log of model
 * changes, an upload that deploys changed or new models, the reduction report and the roll-out of a new version.
 */
@Controller
@RequestMapping("/board/mo-hinh")
class ModelPages {

  private final ModelDeployments deployments;
  private final ProcedureCatalog catalog;
  private final ReductionReport report;
  private final Migrations migrations;
  private final ModelVersions versions;
  private final WhatIf whatIf;
  private final ReferenceDataLoader referenceData;
  private final ModelChanges changes;
  private final Clock clock;
  private final MessageSource messages;

  ModelPages(ModelDeployments deployments, ProcedureCatalog catalog, ReductionReport report, Migrations migrations,
      ModelVersions versions, WhatIf whatIf, ReferenceDataLoader referenceData, ModelChanges changes, Clock clock,
      MessageSource messages) {
    this.whatIf = whatIf;
    this.referenceData = referenceData;
    this.changes = changes;
    this.clock = clock;
    this.report = report;
    this.migrations = migrations;
    this.versions = versions;
    this.deployments = deployments;
    this.catalog = catalog;
    this.messages = messages;
  }

  @GetMapping
  String show(@AuthenticationPrincipal Staff staff, Model model) {
    reformOnly(staff);
    return page(staff, model);
  }

  @PostMapping
  String deploy(@RequestParam(required = false) String name,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, @AuthenticationPrincipal Staff staff,
      Model model, HttpServletResponse response) throws IOException {
    reformOnly(staff);
    List<ModelDeployments.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
        uploads.add(new ModelDeployments.Upload(file.getOriginalFilename(), file.getBytes()));
      }
    }
    try {
      model.addAttribute("deployed", deployments.deploy(name, uploads, staff));
    } catch (ModelDeployments.Refused refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", refused.problems());
    } catch (ApiException refused) {
      refusal(refused, model, response);
    }
    return page(staff, model);
  }

  /**
   * What a change of the rule tables does to the chosen procedures: the versions compared come as
   * {@code before.<table>} and {@code after.<table>} (defaults: the one before the latest, the latest), the procedures
   * as {@code procedure} (none: all). A version or procedure that does not exist is answered 400 with its message.
   */
  @GetMapping("/cat-giam")
  String reduction(@RequestParam Map<String, String> params,
      @RequestParam(name = "procedure", required = false) List<String> procedures,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    model.addAttribute("versions", report.versions());
    model.addAttribute("procedures", catalog.procedures());
    ReductionReport.Choice choice;
    try {
      choice = report.choose(versions(params, "before."), versions(params, "after."),
          procedures == null ? Set.of() : Set.copyOf(procedures));
    } catch (ApiException refused) {
      refusal(refused, model, response);
      choice = report.choose(Map.of(), Map.of(), Set.of());
    }
    model.addAttribute("report", report.compare(choice));
    return "reduction";
  }

  private static Map<String, Integer> versions(Map<String, String> params, String prefix) {
    Map<String, Integer> versions = new HashMap<>();
    for (String table : ReductionReport.TABLES) {
      String value = params.get(prefix + table);
      if (value != null && !value.isBlank()) {
        try {
          versions.put(table, Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
          throw ApiException.badRequest("reduction.unknownVersion", table, value);
        }
      }
    }
    return versions;
  }

  /**
   * Applies the reference data files (administrative units and agencies) as they are now: how a province's structure
   * changes (districts ended, communes under the province) without a release. Logged with who asked.
   */
  @PostMapping("/du-lieu")
  String reloadReferenceData(@AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response)
      throws IOException {
    reformOnly(staff);
    try {
      ReferenceDataLoader.Counts counts = referenceData.reload();
      changes.save(new ModelChange(clock.instant(), staff.username(), ModelChange.Action.REFERENCE_DATA,
          "admin-units.csv, agencies.csv", counts.units() + " units, " + counts.agencies() + " agencies"));
      model.addAttribute("reloaded", counts);
    } catch (ReferenceDataLoader.Refused refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", messages.getMessage("models.referenceRefused", new Object[] {refused.getMessage()},
          LocaleContextHolder.getLocale()));
    }
    return page(staff, model);
  }

  /** The what-if form: replay past months against proposed tables. */
  @GetMapping("/gia-dinh")
  String whatIfForm(@AuthenticationPrincipal Staff staff, Model model) {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    model.addAttribute("months", 3);
    return "whatif";
  }

  /** The finished dossiers of the last months replayed against the uploaded processing-time and routing tables. */
  @PostMapping("/gia-dinh")
  String whatIf(@RequestParam(required = false) String months,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, @AuthenticationPrincipal Staff staff,
      Model model, HttpServletResponse response) throws IOException {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    model.addAttribute("months", months);
    List<WhatIf.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
        uploads.add(new WhatIf.Upload(file.getOriginalFilename(), file.getBytes()));
      }
    }
    try {
      int period;
      try {
        period = Integer.parseInt(months == null ? "" : months.strip());
      } catch (NumberFormatException notANumber) {
        throw ApiException.badRequest("whatIf.monthsInvalid", WhatIf.MAX_MONTHS);
      }
      model.addAttribute("result", whatIf.replay(period, uploads));
    } catch (ApiException refused) {
      refusal(refused, model, response);
    }
    return "whatif";
  }

  /** Which running dossiers of an older version could move to the latest, and why the others cannot. */
  @GetMapping("/chuyen/{processKey}")
  String migration(@PathVariable String processKey, @RequestParam(name = "from") String from,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    try {
      model.addAttribute("preview", migrations.preview(processKey, version(from)));
    } catch (ApiException refused) {
      refusal(refused, model, response);
    }
    return "migration";
  }

  /** Moves the chosen dossiers (none chosen: every movable one) of the older version to the latest. */
  @PostMapping("/chuyen/{processKey}")
  String migrate(@PathVariable String processKey, @RequestParam(name = "from") String from,
      @RequestParam(name = "dossier", required = false) List<String> chosen, @AuthenticationPrincipal Staff staff,
      Model model, HttpServletResponse response) {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    try {
      int version = version(from);
      model.addAttribute("outcome", migrations.migrate(processKey, version,
          chosen == null ? Set.of() : Set.copyOf(chosen), staff));
      model.addAttribute("preview", migrations.preview(processKey, version));
    } catch (ApiException refused) {
      refusal(refused, model, response);
    }
    return "migration";
  }

  private static int version(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      throw ApiException.badRequest("migration.notAVersion", value);
    }
  }

  private void refusal(ApiException refused, Model model, HttpServletResponse response) {
    response.setStatus(refused.status().value());
    model.addAttribute("error", messages.getMessage(refused.messageKey(), refused.arguments(),
        refused.messageKey(), LocaleContextHolder.getLocale()));
  }

  private String page(Staff staff, Model model) {
    model.addAttribute("staff", staff);
    List<Procedure> procedures = catalog.procedures();
    model.addAttribute("procedures", procedures);
    Map<String, List<Migrations.Version>> behind = new HashMap<>();
    procedures.forEach(p -> behind.put(p.processKey(), migrations.behind(p.processKey())));
    model.addAttribute("behind", behind);
    model.addAttribute("log", migrations.log());
    model.addAttribute("tables", versions.tables());
    return "models";
  }

  static void reformOnly(Staff staff) {
    if (!staff.reforming()) {
      throw ApiException.forbidden("models.reformOnly");
    }
  }
}
