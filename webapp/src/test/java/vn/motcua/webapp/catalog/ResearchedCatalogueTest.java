package vn.motcua.webapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The procedures researched from public sources for the demo catalogue (docs/reference-data/catalogue/, two parts)
 * are a valid catalogue file together: every row reads, every agency they name is in Lạng Sơn's reference data, and
 * every procedure that takes dossiers lists its documents. So is Lạng Sơn's demo catalogue built from them and the
 * national catalogue extract (docs/reference-data/build_catalogue.py).
 */
class ResearchedCatalogueTest {

  private static final Path RESEARCHED = Path.of("..", "docs", "reference-data", "catalogue");
  private static final Path AGENCIES = Path.of("src", "main", "resources", "reference", "agencies.csv");

  @Test
  void shouldReadTheResearchedCatalogueAsOneValidFile() throws IOException {
    // given: the parts, as one file (each part's header once)
    Map<String, byte[]> file = Map.of("procedures.csv", joined("procedures"), "documents.csv", joined("documents"));

    // when
    CatalogFile.Read read = CatalogFile.read(file, this::knownInLangSon);

    // then
    assertThat(read.problems()).isEmpty();
    assertThat(read.entries()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(read.entries()).filteredOn(e -> !e.template().equals("information"))
        .allSatisfy(e -> assertThat(e.documents()).as(e.code()).hasSizeGreaterThanOrEqualTo(2));
    assertThat(read.entries()).extracting(CatalogFile.Entry::code)
        .contains("1.001193", "1.000894", "2.000635", "2.000815", "1.001612", "1.013225", "1.013978");
  }

  @Test
  void shouldReadLangSonsDemoCatalogueAsAValidFile() throws IOException {
    // given
    Path demo = Path.of("src", "main", "resources", "catalogue");
    Map<String, byte[]> file = Map.of("procedures.csv", Files.readAllBytes(demo.resolve("lang-son-procedures.csv")),
        "documents.csv", Files.readAllBytes(demo.resolve("lang-son-documents.csv")));

    // when
    CatalogFile.Read read = CatalogFile.read(file, this::knownInLangSon);

    // then: about a thousand procedures, nearly all of which can take dossiers, the researched ones among them
    assertThat(read.problems()).isEmpty();
    assertThat(read.entries()).hasSizeGreaterThan(1_000);
    assertThat(read.entries()).filteredOn(e -> !e.template().equals("information")).hasSizeGreaterThan(900)
        .allSatisfy(e -> assertThat(e.documents()).as(e.code()).hasSizeGreaterThanOrEqualTo(2));
    assertThat(read.entries()).filteredOn(CatalogFile.Entry::confirmed).extracting(CatalogFile.Entry::code)
        .contains("1.004222");
  }

  /** Whether an agency pattern names an agency of Lạng Sơn (20) and its commune Thụy Hùng (06148). */
  private boolean knownInLangSon(String pattern) {
    return agencies.contains(pattern.replace("{province}", "20").replace("{commune}", "06148"));
  }

  private final Set<String> agencies = agencies();

  private static Set<String> agencies() {
    try {
      return Files.readAllLines(AGENCIES, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.startsWith("#") && !line.startsWith("code,") && !line.isBlank())
          .map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet());
    } catch (IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }

  private static byte[] joined(String table) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var parts = Files.list(RESEARCHED)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith("-" + table + ".csv")).sorted()
          .toList()) {
        List<String> content = Files.readAllLines(part, StandardCharsets.UTF_8);
        lines.addAll(lines.isEmpty() ? content : content.subList(1, content.size()));
      }
    }
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
