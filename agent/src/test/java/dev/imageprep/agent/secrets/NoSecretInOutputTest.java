package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.testing.ProducedReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No report format, and no error message, ever carries a secret value from the corpus. */
class NoSecretInOutputTest {

  @TempDir
  Path state;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void reportsNameFilesAndKindsButNeverValues(String format) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(CommandContext.standard(AgentEnvironment.system()), new PrintWriter(out), new PrintWriter(err),
        "check", "--root", Corpus.root().toString(), "--profile", "ec2-linux", "--state-dir", state.toString(),
        "--only", "no-secrets-left", "--format", format, "--verbose");
    ProducedReports.validate(java.nio.file.FileSystems.getDefault(), new String[0], out.toString());

    String printed = out + "\n" + err;
    assertThat(code).as(printed).isEqualTo(1);
    assertThat(printed).contains("no-secrets-left", "/etc/app/app.conf", "redacted");
    for (String secret : Corpus.secretValues()) {
      assertThat(printed).as("report leaks a corpus secret").doesNotContain(secret);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void reportWrittenToAFileCarriesNoValueEither(String format) throws Exception {
    Path report = state.resolve("report." + format);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(CommandContext.standard(AgentEnvironment.system()), new PrintWriter(out), new PrintWriter(err),
        "check", "--root", Corpus.root().toString(), "--profile", "ec2-linux", "--state-dir", state.toString(),
        "--format", format, "--output", report.toString());
    ProducedReports.validate(java.nio.file.FileSystems.getDefault(), new String[] {"-o", report.toString()},
        out.toString());

    String printed = Files.readString(report) + out + err;
    for (String secret : Corpus.secretValues()) {
      assertThat(printed).doesNotContain(secret);
    }
  }
}
