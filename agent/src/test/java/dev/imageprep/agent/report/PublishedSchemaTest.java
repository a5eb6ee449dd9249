package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema pipelines download from the repository is the one the tool carries and prints. */
class PublishedSchemaTest {

  /** Relative to the agent module, where Maven runs its tests. */
  static final Path PUBLISHED = Path.of("..", "schema", "report-v1.schema.json");

  @Test
  void thePublishedCopyIsTheBundledSchema() throws IOException {
    assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8)).isEqualTo(bundled());
  }

  @Test
  void imageprepSchemaPrintsIt(@TempDir Path temp) throws IOException {
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp).run("schema");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(bundled());
  }

  private static String bundled() throws IOException {
    try (InputStream in = PublishedSchemaTest.class.getResourceAsStream(SchemaValidator.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
