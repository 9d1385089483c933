package vn.motcua.webapp.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Hồ sơ / Dossiers")
@SecurityRequirement(name = "basic")
class DossierController {

  private final DossierService service;
  private final DossierQueries queries;

  DossierController(DossierService service, DossierQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @PostMapping
  @Operation(summary = "Nộp hồ sơ / Submit a dossier",
      description = "Citizens submit online; counter officers record in-person (COUNTER) or postal (POSTAL) dossiers.")
  ResponseEntity<DossierView> submit(@Valid @RequestBody SubmitDossierRequest request,
      @AuthenticationPrincipal Staff staff) {
    Dossier dossier = service.submit(request, staff);
    return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.getReceiptCode()))
        .body(queries.view(dossier.getReceiptCode(), staff));
  }

  @GetMapping("/{receiptCode}")
  @Operation(summary = "Tra cứu hồ sơ / Get a dossier by receipt code",
      description = "Status, legal deadline, remaining working days and the stage history (tracking sheet).")
  DossierView get(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    return queries.view(receiptCode, staff);
  }

  @GetMapping
  @Operation(summary = "Danh sách hồ sơ / Dossiers I may follow")
  Page<DossierSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      @AuthenticationPrincipal Staff staff) {
    if (page < 0 || size < 1 || size > 200) {
      throw ApiException.badRequest("error.page");
    }
    return queries.list(staff, PageRequest.of(page, size));
  }

  @GetMapping("/{receiptCode}/history")
  @Operation(summary = "Ý kiến và nhật ký / Comments and audit trail",
      description = "Who did what, when, at which step; officers' comments.")
  DossierHistory history(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    return queries.history(receiptCode, staff);
  }

  /** An officer's comment. */
  record CommentRequest(@NotBlank(message = "{comment.required}") @Size(max = 2000, message = "{field.tooLong}")
                        String text) {
  }

  @PostMapping("/{receiptCode}/comments")
  @Operation(summary = "Ghi ý kiến / Comment on a dossier")
  ResponseEntity<DossierHistory> comment(@PathVariable String receiptCode,
      @Valid @RequestBody CommentRequest request, @AuthenticationPrincipal Staff staff) {
    service.comment(receiptCode, request.text(), staff);
    return ResponseEntity.status(201).body(queries.history(receiptCode, staff));
  }

  @PostMapping("/{receiptCode}/supplements")
  @Operation(summary = "Nộp bổ sung / Hand in the requested supplement",
      description = "Resumes a dossier waiting for the applicant; 409 when nothing was asked.")
  DossierView supplement(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    service.supplement(receiptCode, staff);
    return queries.view(receiptCode, staff);
  }

  /** The applicant's rating of a finished dossier. */
  record RatingRequest(@jakarta.validation.constraints.NotNull(message = "{error.rating.score}")
                       @jakarta.validation.constraints.Min(value = 1, message = "{error.rating.score}")
                       @jakarta.validation.constraints.Max(value = 5, message = "{error.rating.score}") Integer score,
                       @Size(max = 9, message = "{error.rating.reasons}") java.util.List<RatingReason> reasons,
                       @Size(max = 1000, message = "{field.tooLong}") String comment) {
  }

  @PostMapping("/{receiptCode}/rating")
  @Operation(summary = "Đánh giá mức độ hài lòng / Rate the service",
      description = "The applicant, once, after the dossier is finished: 1 to 5 with reasons; 409 before or twice.")
  DossierView rate(@PathVariable String receiptCode, @Valid @RequestBody RatingRequest request,
      @AuthenticationPrincipal Staff staff) {
    service.rate(receiptCode, request.score(), request.reasons(), request.comment(), staff);
    return queries.view(receiptCode, staff);
  }

  /** What the applicant's payment receipt says. */
  record PaymentRequest(
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String paymentReference) {
  }

  @PostMapping("/{receiptCode}/obligations-paid")
  @Operation(summary = "Ghi nhận đã nộp nghĩa vụ tài chính / Record that the financial obligations were paid",
      description = "For a dossier waiting for the applicant to pay the tax office's notice (the land certificate): "
          + "the legal clock runs again and the land office confirms. 409 when no payment is awaited.")
  DossierView obligationsPaid(@PathVariable String receiptCode,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody PaymentRequest request,
      @AuthenticationPrincipal Staff staff) {
    service.obligationsPaid(receiptCode, request.paymentReference().trim(), staff);
    return queries.view(receiptCode, staff);
  }
}
