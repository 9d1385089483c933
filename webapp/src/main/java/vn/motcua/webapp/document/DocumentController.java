package vn.motcua.webapp.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

  DocumentController(DocumentService documents) {
    this.documents = documents;
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
    DossierDocument document = documents.open(documentId, staff);
    ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(document.getFileName(), java.nio.charset.StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(document.getContent());
  }
}
