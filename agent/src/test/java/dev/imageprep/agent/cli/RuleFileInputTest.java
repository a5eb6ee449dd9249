package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files that are too big or not UTF-8: exit 2 with file, line and column, nothing changed. */
class RuleFileInputTest {

  @TempDir
  Path tmp;

  private Path root;
  private LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
  }

  private LocalCli.Result cleanWith(Path rules) {
    return cli.run("clean", "--root", root.toString(), "--profile", "ec2-linux", "--state-dir",
        tmp.resolve("state").toString(), "--yes", "--rules", rules.toString());
  }

  @Test
  void aTwentyMillionCharacterScalarIsRefusedWithItsLine() throws IOException {
    Path rules = tmp.resolve("huge.yaml");
    try (OutputStream out = Files.newOutputStream(rules)) {
      out.write("rules:\n  - id: huge\n    title: ".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 20_000_000 / chunk.length; i++) {
        out.write(chunk);
      }
    }
    String before = fingerprint(root);

    LocalCli.Result r = cleanWith(rules);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(rules + ":3:").contains("larger than 1048576 bytes").doesNotContain("\tat ");
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotUtf8GetsALineAndColumn() throws IOException {
    Path rules = Files.write(tmp.resolve("latin1.yaml"),
        "rules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    LocalCli.Result r = cleanWith(rules);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(rules + ":2:12: not valid UTF-8 (byte 0xE9)");
  }
}
