package vn.motcua.webapp.document;

import java.time.Instant;

/**
 * A file of a dossier without its content; a signed copy says of which file ({@code signedFrom}), who signed it and
 * when; a component of the checklist says which required document it is, and which earlier file it reuses.
 */
public record DocumentView(Long id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
                           String step, String taskId, String uploadedBy, Instant uploadedAt, Long signedFrom,
                           String signer, Instant signedAt, String requirementCode, Long reusedFrom) {
}
