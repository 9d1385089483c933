package vn.motcua.webapp.reform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/** The reform officers' page: the procedures deployed now, and an upload that deploys changed or new models. */
@Controller
@RequestMapping("/board/mo-hinh")
class ModelPages {

  private final ModelDeployments deployments;
  private final ProcedureCatalog catalog;
  private final ReductionReport report;
  private final MessageSource messages;

  ModelPages(ModelDeployments deployments, ProcedureCatalog catalog, ReductionReport report,
      MessageSource messages) {
    this.report = report;
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
      response.setStatus(refused.status().value());
      model.addAttribute("error", messages.getMessage(refused.messageKey(), refused.arguments(),
          refused.messageKey(), LocaleContextHolder.getLocale()));
    }
    return page(staff, model);
  }

  /** What the latest change of the rule tables did to each procedure's time, fee and documents. */
  @GetMapping("/cat-giam")
  String reduction(@AuthenticationPrincipal Staff staff, Model model) {
    reformOnly(staff);
    model.addAttribute("staff", staff);
    model.addAttribute("report", report.latestChange());
    return "reduction";
  }

  private String page(Staff staff, Model model) {
    model.addAttribute("staff", staff);
    model.addAttribute("procedures", catalog.procedures());
    return "models";
  }

  private static void reformOnly(Staff staff) {
    if (!staff.reforming()) {
      throw ApiException.forbidden("models.reformOnly");
    }
  }
}
