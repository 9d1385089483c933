package vn.motcua.webapp.tracking;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.webapp.catalog.ProcedureCatalog;

/**
 * The public lookup page: anyone with a receipt code and the last four digits of the applicant's ID number or phone
 * sees the dossier's status, appointment, the steps it went through and its model with the current step marked.
 * The same answer for a wrong code and wrong digits, and a pause after repeated failures, keep guessing useless.
 */
@Controller
@RequestMapping("/tra-cuu")
class TrackingPages {

  private final DossierTracking tracking;
  private final FailedLookups failures;
  private final ProcedureCatalog catalog;

  TrackingPages(DossierTracking tracking, FailedLookups failures, ProcedureCatalog catalog) {
    this.tracking = tracking;
    this.failures = failures;
    this.catalog = catalog;
  }

  @GetMapping
  String form(@RequestParam(name = "ma", required = false) String receiptCode, Model model) {
    model.addAttribute("receiptCode", receiptCode);
    return "tracking";
  }

  @PostMapping
  String lookUp(@RequestParam(name = "ma", required = false) String receiptCode,
      @RequestParam(name = "so", required = false) String lastDigits, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    model.addAttribute("receiptCode", receiptCode);
    String[] counted = FailedLookups.keys(request.getRemoteAddr(), receiptCode);
    if (failures.blocked(counted)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      model.addAttribute("problem", "tracking.tooMany");
      model.addAttribute("waitMinutes", FailedLookups.WINDOW_MINUTES);
      return "tracking";
    }
    if (lastDigits == null || !lastDigits.strip().matches("\\d{4}")) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", "tracking.digits");
      return "tracking";
    }
    Optional<DossierTracking.Found> found = tracking.find(receiptCode, lastDigits.strip());
    if (found.isEmpty()) {
      failures.failed(counted);
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("problem", "tracking.notFound");
      return "tracking";
    }
    model.addAttribute("found", found.get());
    model.addAttribute("dossier", found.get().dossier());
    return "tracking";
  }

  /** A procedure's published model (any of its deployed versions), for the diagram viewer. */
  @GetMapping("/so-do/{processDefinitionId}")
  ResponseEntity<byte[]> diagram(@PathVariable String processDefinitionId) {
    return catalog.diagram(processDefinitionId)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
