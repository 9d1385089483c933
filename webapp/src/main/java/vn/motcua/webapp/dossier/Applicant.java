package vn.motcua.webapp.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person or business the dossier is for. */
@Embeddable
public record Applicant(
    @Column(name = "applicant_name") String fullName,
    @Column(name = "applicant_id_number") String idNumber,
    @Column(name = "applicant_phone") String phone,
    @Column(name = "applicant_email") String email,
    @Column(name = "applicant_address") String address,
    @Column(name = "applicant_category") String category) {
}
