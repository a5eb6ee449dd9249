package dev.imageprep.agent.report;

import dev.imageprep.agent.json.ReportJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.SchemaValidator;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema pipelines download from the repository is the one the tool carries and prints, and v1
 * stays published next to it for reports written before v2.
 */
class PublishedSchemaTest {

  /** Relative to the agent module, where Maven runs its tests. */
  static final Path PUBLISHED = Path.of("..", "schema", "report-v2.schema.json");
  static final Path V1 = Path.of("..", "schema", "report-v1.schema.json");

  @Test
  void thePublishedCopyIsTheBundledSchema() throws IOException {
    assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8)).isEqualTo(bundled());
    assertThat(ReportJson.mapper().readTree(bundled()).at("/properties/schema/const").asText())
        .isEqualTo(Report.SCHEMA).isEqualTo("imageprep/report/v2");
  }

  @Test
  void imageprepSchemaPrintsIt(@TempDir Path temp) throws IOException {
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp).run("schema");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(bundled());
  }

  /** What docs/reports.md lists as v2's differences is what the two files differ by. */
  @Test
  void v1IsKeptAndV2AddsExactlyTheDocumentedValuesAndFields() throws IOException {
    JsonNode v1 = ReportJson.mapper().readTree(Files.readString(V1, StandardCharsets.UTF_8));
    JsonNode v2 = ReportJson.mapper().readTree(bundled());
    assertThat(v1.at("/properties/schema/const").asText()).isEqualTo("imageprep/report/v1");
    assertThat(v1.at("/$defs/check/properties/status/enum").toString()).doesNotContain("resolved-by-cleanup");
    assertThat(v2.at("/$defs/check/properties/status/enum").toString()).contains("resolved-by-cleanup");
    assertThat(v1.at("/properties").has("failOn")).isFalse();
    assertThat(v2.at("/required").toString()).contains("\"failOn\"", "\"blockedBy\"");
    assertThat(v2.at("/properties/summary/required").toString()).contains("\"resolvedByCleanup\"");
    assertThat(v2.at("/properties/host/properties").has("detection")).isTrue();
    String docs = Files.readString(Path.of("..", "docs", "reports.md"), StandardCharsets.UTF_8);
    assertThat(docs).contains("resolved-by-cleanup", "failOn", "blockedBy", "resolvedByCleanup", "detection",
        "report-v1.schema.json", "report-v2.schema.json");
  }

  private static String bundled() throws IOException {
    try (InputStream in = PublishedSchemaTest.class.getResourceAsStream(SchemaValidator.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
