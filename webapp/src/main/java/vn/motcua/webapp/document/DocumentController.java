package vn.motcua.webapp.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tệp hồ sơ / Dossier files")
@SecurityRequirement(name = "basic")
class DocumentController {

  private final DocumentService documents;
  private final DocumentSignatures signatures;
  private final long maxBytes;

  DocumentController(DocumentService documents, DocumentSignatures signatures,
      vn.motcua.webapp.system.MotcuaProperties properties) {
    this.documents = documents;
    this.signatures = signatures;
    this.maxBytes = properties.documents().maxBytes();
  }

  @PostMapping(path = "/dossiers/{receiptCode}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Đính kèm tệp / Attach a file",
      description = "PDF, JPEG or PNG, recognised by content; with taskId the file belongs to that step.")
  ResponseEntity<DocumentView> attach(@PathVariable String receiptCode, @RequestParam("file") MultipartFile file,
      @RequestParam("kind") String kind, @RequestParam(name = "taskId", required = false) String taskId,
      @AuthenticationPrincipal Staff staff) throws IOException {
    DocumentView stored = documents.attach(receiptCode, kind, taskId,
        new DocumentService.Upload(file.getOriginalFilename(), file.getBytes()), staff);
    return ResponseEntity.created(URI.create("/api/v1/documents/" + stored.id() + "/content")).body(stored);
  }

  @GetMapping("/dossiers/{receiptCode}/documents")
  @Operation(summary = "Tệp của hồ sơ / Files of a dossier")
  List<DocumentView> list(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    return documents.list(receiptCode, staff);
  }

  @GetMapping("/documents/{id}/content")
  @Operation(summary = "Xem, tải tệp / Open a file", description = "Inline, for preview; add ?download=true to save.")
  ResponseEntity<byte[]> content(@PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
      @AuthenticationPrincipal Staff staff) {
    long documentId;
    try {
      documentId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("document.notFound", id);
    }
    return documents.open(documentId, staff).response(download);
  }

  @PutMapping(path = "/documents/{id}/signed-copy", consumes = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Nộp bản ký số / File the signed copy",
      description = "For motcua's signature service: the PDF signed as PAdES, keeping the original's bytes. 201 when"
          + " filed, 200 when the same copy was filed before, 409 when another copy was.")
  ResponseEntity<DocumentView> fileSignedCopy(@PathVariable long id, @RequestBody byte[] pdf,
      @AuthenticationPrincipal Staff staff) {
    DocumentService.Filed filed = documents.fileSignedCopy(id, pdf, staff);
    return filed.created()
        ? ResponseEntity.created(URI.create("/api/v1/documents/" + filed.document().id() + "/content"))
            .body(filed.document())
        : ResponseEntity.ok(filed.document());
  }

  @GetMapping("/documents/{id}/signature")
  @Operation(summary = "Kiểm tra chữ ký số của tệp / Check a file's digital signature",
      description = "Whether the file is intact since it was signed, by whom, when, and whether the certificate"
          + " chain leads to a trusted root.")
  DocumentSignatures.Check signature(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
    return documents.signatureOf(id, staff);
  }

  @PostMapping(path = "/signatures/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Kiểm tra chữ ký số của một văn bản / Verify any signed PDF",
      description = "Open to anyone: send the PDF a dossier's result came as, and see whether its signature holds.")
  DocumentSignatures.Check verify(@RequestBody byte[] pdf) {
    if (pdf.length > maxBytes) {
      throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "document.tooLarge",
          maxBytes / (1024 * 1024));
    }
    return signatures.report(pdf);
  }
}
