package vn.motcua.webapp.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.system.ApiException;

/** The public catalog: every figure is evaluated from the deployed models and decisions, never stored twice. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Danh mục thủ tục / Procedure catalog")
class CatalogController {

  private final ProcedureViews views;

  CatalogController(ProcedureViews views) {
    this.views = views;
  }

  @GetMapping
  @Operation(summary = "Tìm thủ tục / Find procedures", description = "Filter by level, sector or words of the name.")
  List<ProcedureView> list(@RequestParam(required = false) String level, @RequestParam(required = false) String sector,
      @Parameter(description = "The handling agency, as the catalog names it") @RequestParam(required = false)
      String agency,
      @Parameter(description = "Words of the Vietnamese or English name") @RequestParam(required = false) String q,
      @RequestParam(required = false) String province) {
    return views.find(level, sector, agency, q, province);
  }

  @GetMapping("/{code}")
  @Operation(summary = "Chi tiết thủ tục / A procedure",
      description = "Steps, legal time per channel, fee per channel for the province, and the required documents.")
  ProcedureView get(@PathVariable String code, @RequestParam(required = false) String province) {
    return views.one(code, province).orElseThrow(() -> ApiException.notFound("error.procedure.notFound", code));
  }
}
