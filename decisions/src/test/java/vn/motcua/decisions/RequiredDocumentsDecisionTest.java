package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredDocumentsDecisionTest {

  private static final DecisionTables DOCUMENTS = DecisionTables.load("required-documents.dmn", "requiredDocuments");

  private static List<String> documents(String procedure, String circumstances) {
    List<String> given = circumstances.isEmpty() ? List.of() : Arrays.asList(circumstances.split(" "));
    return DOCUMENTS.rows(Map.of("procedureCode", procedure, "circumstances", given)).stream()
        .map(row -> (String) row.get("documentCode"))
        .toList();
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource({
      // procedure, circumstances (space separated), expected document codes (space separated, table order)
      "1.001193, '', TO_KHAI_KHAI_SINH GIAY_CHUNG_SINH",
      "1.001193, NO_BIRTH_CERTIFICATE, TO_KHAI_KHAI_SINH VAN_BAN_NGUOI_LAM_CHUNG",
      "1.001193, NO_BIRTH_CERTIFICATE AUTHORIZED_REPRESENTATIVE, TO_KHAI_KHAI_SINH VAN_BAN_NGUOI_LAM_CHUNG VAN_BAN_UY_QUYEN",
      "1.000894, '', TO_KHAI_KET_HON",
      "1.000894, RESIDES_IN_OTHER_COMMUNE, TO_KHAI_KET_HON XAC_NHAN_TINH_TRANG_HON_NHAN",
      "2.000635, '', TO_KHAI_CAP_BAN_SAO",
      "2.000815, '', BAN_CHINH BAN_SAO_CAN_CHUNG_THUC",
      "1.001612, '', GIAY_DE_NGHI_HKD",
      "1.001612, FAMILY_MEMBERS_FOUNDING, GIAY_DE_NGHI_HKD BIEN_BAN_HOP_THANH_VIEN",
      "1.009997, '', DON_DE_NGHI_GPXD GIAY_TO_QUYEN_SU_DUNG_DAT BAN_VE_THIET_KE",
      "1.013225, ADJOINING_BUILDINGS, DON_DE_NGHI_GPXD GIAY_TO_QUYEN_SU_DUNG_DAT BAN_VE_THIET_KE CAM_KET_AN_TOAN_LIEN_KE",
      "1.002809, '', DON_DOI_GPLX GIAY_KHAM_SUC_KHOE BAN_SAO_GPLX",
      "1.002809, MOTORCYCLE_CLASS_ONLY, DON_DOI_GPLX BAN_SAO_GPLX",
      "1.004227, '', DON_DANG_KY_DAT_DAI TO_KHAI_LE_PHI_TRUOC_BA",
      "1.013978, HAS_LAND_PAPERS FINANCIAL_EXEMPTION_CLAIMED, DON_DANG_KY_DAT_DAI GIAY_TO_VE_QUYEN_SU_DUNG_DAT TO_KHAI_LE_PHI_TRUOC_BA GIAY_TO_MIEN_GIAM",
      "1.004227, UNKNOWN_CIRCUMSTANCE, DON_DANG_KY_DAT_DAI TO_KHAI_LE_PHI_TRUOC_BA",
  })
  void shouldCollectEveryDocumentTheApplicantsCircumstancesRequire(String procedure, String circumstances,
      String expected) {
    // when / then
    assertThat(documents(procedure, circumstances)).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "{0} -> nothing")
  @CsvSource({"9.999999", "''"})
  void shouldRequireNothingWhenProcedureIsUnknown(String procedure) {
    // when / then
    assertThat(documents(procedure, "")).isEmpty();
  }

  @ParameterizedTest(name = "every row of {0} names its document in both languages")
  @CsvSource({"1.001193", "1.000894", "2.000635", "2.000815", "1.001612", "1.009997", "1.013225", "1.002809",
      "1.004227", "1.013978"})
  void shouldNameEveryDocumentInVietnameseAndEnglishWhenCollected(String procedure) {
    // when
    List<Map<String, Object>> rows = DOCUMENTS.rows(Map.of("procedureCode", procedure,
        "circumstances", List.of("AUTHORIZED_REPRESENTATIVE")));

    // then
    assertThat(rows).isNotEmpty().allSatisfy(row -> {
      assertThat((String) row.get("name")).isNotBlank();
      assertThat((String) row.get("nameEn")).isNotBlank();
      assertThat((String) row.get("form")).isIn("ORIGINAL", "COPY", "CERTIFIED_COPY");
    });
  }

  @ParameterizedTest(name = "{0}: {1} may be the result of {2}")
  @CsvSource({"1.013225, GIAY_TO_QUYEN_SU_DUNG_DAT, 1.013978", "1.013225, DON_DE_NGHI_GPXD, ''",
      "1.001193, GIAY_CHUNG_SINH, ''"})
  void shouldNameTheProcedureWhoseIssuedResultStandsInForADocument(String procedure, String document,
      String resultOf) {
    // when
    Map<String, Object> row = DOCUMENTS.rows(Map.of("procedureCode", procedure, "circumstances", List.of()))
        .stream().filter(r -> document.equals(r.get("documentCode"))).findFirst().orElseThrow();

    // then
    assertThat(row.get("resultOf")).isEqualTo(resultOf.isEmpty() ? null : resultOf);
  }
}
