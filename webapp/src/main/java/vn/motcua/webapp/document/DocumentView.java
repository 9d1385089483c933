package vn.motcua.webapp.document;

import java.time.Instant;

/**
 * A file of a dossier without its content; a signed copy says of which file ({@code signedFrom}), who signed it and
 * when.
 */
public record DocumentView(Long id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
                           String step, String taskId, String uploadedBy, Instant uploadedAt, Long signedFrom,
                           String signer, Instant signedAt) {
}
