package dev.imageprep.agent.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.ImageTree;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real commands decorate output only for a person at a terminal: a progress bar on stderr
 * (not with --quiet), colour in the text report (not with NO_COLOR), and never either in a report
 * that goes to a pipe or a file.
 */
class TerminalOutputTest {

  private static final String ESC = "\u001b[";

  @TempDir
  Path temp;

  private CliHarness.Result run(boolean terminal, Map<String, String> env, String... extra) {
    Path image = temp.resolve("image");
    if (!image.toFile().exists()) {
      ImageTree.at(image).debian();
    }
    String[] args = new String[extra.length + 7];
    System.arraycopy(new String[] {"prepare", "--yes", "--root", image.toString(), "--profile", "ec2-linux",
        "--state-dir=" + temp.resolve("state")}, 0, args, 0, 7);
    System.arraycopy(extra, 0, args, 7, extra.length);
    return new CliHarness(temp.getFileSystem(), temp.resolve("state")).interactive(terminal).env(env).run(args);
  }

  @Test
  void aTerminalGetsAProgressBarForChecksScansAndCleanupAndAColouredReport() {
    CliHarness.Result r = run(true, Map.of());

    assertThat(r.err()).contains("\r[", "checking", "scanning for secrets", "cleaning", "100 %");
    assertThat(r.out()).contains(ESC + "1;32mREADY").doesNotContain("\r");
  }

  @Test
  void theFirstScanOfACheckShowsProgressToo() {
    Path image = ImageTree.at(temp.resolve("image")).debian().root();
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp.resolve("state")).interactive(true)
        .run("check", "--root", image.toString(), "--profile", "linux", "--state-dir", temp.resolve("s").toString());

    assertThat(r.err()).contains("scanning for secrets", "checking  no-secrets-left");
  }

  @Test
  void quietMeansNoProgressBar() {
    CliHarness.Result r = run(true, Map.of(), "--quiet", "--format", "json", "--output",
        temp.resolve("r.json").toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void noColorTurnsColourOffButAnEmptyNoColorDoesNot() {
    assertThat(run(true, Map.of("NO_COLOR", "1")).out()).doesNotContain(ESC);
    assertThat(run(true, Map.of("NO_COLOR", "")).out()).contains(ESC);
  }

  @Test
  void aPipeGetsNeitherBarNorColour() {
    CliHarness.Result r = run(false, Map.of());

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).doesNotContain(ESC).contains("READY");
  }
}
