package vn.motcua.webapp.reform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * Browsing the deployed models: a procedure's process ({@code quy-trinh}) or a decision table ({@code bang}), any
 * version drawn by the bpmn.io viewers, the versions listed, and for a table what changed rule by rule between two
 * versions.
 */
@Controller
@RequestMapping("/board/mo-hinh/xem/{kind}/{key}")
class ModelBrowsing {

  private final ModelVersions versions;
  private final MessageSource messages;

  ModelBrowsing(ModelVersions versions, MessageSource messages) {
    this.versions = versions;
    this.messages = messages;
  }

  /** A version (default the latest) drawn, the versions listed; for a table, its changes from another version. */
  @GetMapping
  String show(@PathVariable String kind, @PathVariable String key,
      @RequestParam(required = false) String version, @RequestParam(required = false) String compare,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    ModelPages.reformOnly(staff);
    ModelVersions.Kind what = kind(kind);
    model.addAttribute("staff", staff);
    model.addAttribute("kind", kind);
    model.addAttribute("table", what == ModelVersions.Kind.DECISION);
    model.addAttribute("key", key);
    List<ModelVersions.Version> all = versions.versions(what, key);
    model.addAttribute("versions", all);
    try {
      int shown = version == null || version.isBlank() ? all.get(0).version() : number(version);
      versions.require(what, key, shown);
      model.addAttribute("shown", shown);
      if (what == ModelVersions.Kind.DECISION) {
        int before = compare == null || compare.isBlank() ? previous(all, shown) : number(compare);
        model.addAttribute("diff", versions.diff(key, before, shown));
      }
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      model.addAttribute("error", messages.getMessage(refused.messageKey(), refused.arguments(),
          refused.messageKey(), LocaleContextHolder.getLocale()));
      model.addAttribute("shown", all.get(0).version());
    }
    return "model-browse";
  }

  /** The XML of a version, for the viewer. */
  @GetMapping("/{version}/xml")
  ResponseEntity<String> xml(@PathVariable String kind, @PathVariable String key, @PathVariable String version,
      @AuthenticationPrincipal Staff staff) {
    ModelPages.reformOnly(staff);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .body(versions.xml(kind(kind), key, number(version)));
  }

  private static ModelVersions.Kind kind(String kind) {
    return switch (kind) {
      case "quy-trinh" -> ModelVersions.Kind.PROCESS;
      case "bang" -> ModelVersions.Kind.DECISION;
      default -> throw ApiException.notFound("browse.unknownKind", kind);
    };
  }

  /** The version before the one shown (itself when it is the first). */
  private static int previous(List<ModelVersions.Version> all, int shown) {
    return all.stream().mapToInt(ModelVersions.Version::version).filter(v -> v < shown).max().orElse(shown);
  }

  private static int number(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      throw ApiException.badRequest("migration.notAVersion", value);
    }
  }
}
