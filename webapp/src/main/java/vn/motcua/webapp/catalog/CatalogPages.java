package vn.motcua.webapp.catalog;

import java.util.List;
import java.util.Objects;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.webapp.system.ApiException;

/**
 * The public catalog for citizens, no sign-in: find a procedure by words, level or sector; read its steps, legal time,
 * fee, required documents and online-service level as the deployed models say; open it from its QR code, which
 * counters print on a sheet for their wall.
 */
@Controller
class CatalogPages {

  private final ProcedureViews views;
  private final ProcedureCatalog catalog;

  CatalogPages(ProcedureViews views, ProcedureCatalog catalog) {
    this.views = views;
    this.catalog = catalog;
  }

  @GetMapping("/thu-tuc")
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
      @RequestParam(required = false) String sector, @RequestParam(required = false) String agency, Model model) {
    // the filters' choices come from the models as deployed; only the matches are evaluated against the decisions
    List<Procedure> all = catalog.procedures();
    model.addAttribute("procedures", views.find(level, sector, agency, q, null));
    model.addAttribute("levels", all.stream().map(Procedure::level).filter(Objects::nonNull).distinct().sorted()
        .toList());
    model.addAttribute("sectors", all.stream().map(Procedure::sector).filter(Objects::nonNull).distinct().sorted()
        .toList());
    model.addAttribute("q", q);
    model.addAttribute("level", level);
    model.addAttribute("agencies", all.stream().map(Procedure::handlingAgency).filter(Objects::nonNull).distinct()
        .sorted().toList());
    model.addAttribute("sector", sector);
    model.addAttribute("agency", agency);
    return "catalog";
  }

  @GetMapping("/thu-tuc/{code}")
  String procedure(@PathVariable String code, Model model, HttpServletResponse response) {
    java.util.Optional<ProcedureView> found = views.one(code, null);
    if (found.isEmpty()) {
      // the catalog, with what was not found
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("missing", code);
      return list(null, null, null, null, model);
    }
    ProcedureView procedure = found.get();
    model.addAttribute("procedure", procedure);
    model.addAttribute("qr", QrCodes.svg(address(code), procedure.name()));
    model.addAttribute("address", address(code));
    return "procedure";
  }

  @GetMapping(path = "/thu-tuc/{code}/qr.svg")
  ResponseEntity<String> qr(@PathVariable String code) {
    ProcedureView procedure = views.one(code, null)
        .orElseThrow(() -> ApiException.notFound("error.procedure.notFound", code));
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.noCache()).body(QrCodes.svg(address(code), procedure.name()));
  }

  /** A printable sheet of QR codes, for the procedures of a level (the counter's wall). */
  @GetMapping("/thu-tuc/ma-qr")
  String sheet(@RequestParam(required = false) String level, Model model) {
    model.addAttribute("codes", views.find(level, null, null, null, null).stream()
        .map(p -> new Sheet(p, QrCodes.svg(address(p.code()), p.name()))).toList());
    model.addAttribute("level", level);
    return "qr-sheet";
  }

  /** A procedure and its QR code on the printed sheet. */
  record Sheet(ProcedureView procedure, String qr) {
  }

  /** Where the procedure's page is, as the citizen's phone must reach it. */
  private static String address(String code) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/thu-tuc/{code}").buildAndExpand(code)
        .toUriString();
  }
}
