package vn.motcua.webapp.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A dossier as submitted online by a citizen, or recorded at the counter by an officer. */
public record SubmitDossierRequest(
    @Schema(example = "1.001193", description = "Procedure code from the catalog")
    @NotBlank(message = "{dossier.procedureCode.required}") @Size(max = 20, message = "{field.tooLong}")
    String procedureCode,
    @Schema(description = "ONLINE for citizens; COUNTER or POSTAL when an officer records it")
    Channel channel,
    @Schema(description = "For officers working at several counters: the agency receiving it")
    @Size(max = 30, message = "{field.tooLong}")
    String receivingAgency,
    @Schema(example = "06148", description = "Commune of the applicant (or of the land, the house...)")
    @NotBlank(message = "{dossier.communeCode.required}") @Pattern(regexp = "\\d{5}", message = "{dossier.communeCode.format}")
    String communeCode,
    @NotNull(message = "{dossier.applicant.required}") @Valid
    ApplicantData applicant,
    @Schema(description = "Circumstances that change the documents required, e.g. NO_BIRTH_CERTIFICATE")
    @Size(max = 20, message = "{dossier.circumstances.tooMany}")
    List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}", message = "{dossier.circumstance.format}") String> circumstances,
    @Min(value = 1, message = "{dossier.copies.range}") @Max(value = 100, message = "{dossier.copies.range}")
    Integer copies,
    @Min(value = 1, message = "{dossier.pages.range}") @Max(value = 2000, message = "{dossier.pages.range}")
    Integer pages,
    @Schema(description = "How the applicant wants the result: COUNTER (default), POST or ONLINE")
    @Pattern(regexp = "COUNTER|POST|ONLINE", message = "{dossier.returnMethod.format}")
    String returnMethod,
    @Schema(description = "Where the post brings the result (required with POST)")
    @Size(max = 300, message = "{field.tooLong}")
    @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{field.markup}")
    String postalAddress) {

  /** Who the dossier is for. */
  public record ApplicantData(
      @Schema(example = "Nguyễn Văn An")
      @NotBlank(message = "{applicant.fullName.required}") @Size(max = 100, message = "{field.tooLong}")
      @Pattern(regexp = "[\\p{L}\\p{M} .'-]+", message = "{applicant.fullName.format}")
      String fullName,
      @Schema(example = "020190001234", description = "12-digit citizen identity number")
      @NotBlank(message = "{applicant.idNumber.required}") @Pattern(regexp = "\\d{12}", message = "{applicant.idNumber.format}")
      String idNumber,
      @Schema(example = "0912345678")
      @Pattern(regexp = "0\\d{9}", message = "{applicant.phone.format}")
      String phone,
      @Email(message = "{applicant.email.format}") @Size(max = 254, message = "{field.tooLong}")
      String email,
      @Size(max = 300, message = "{field.tooLong}")
      @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{field.markup}")
      String address,
      @Schema(example = "CITIZEN", description = "CITIZEN, POOR_HOUSEHOLD, MERIT or DISABLED (fee exemptions)")
      @Pattern(regexp = "CITIZEN|POOR_HOUSEHOLD|MERIT|DISABLED", message = "{applicant.category.format}")
      String category) {
  }
}
