package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.ImageTree;
import dev.imageprep.agent.testing.SampleReports;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportWriterTest {

  @Test
  void endsWithTheVerdictAndWhatBlocksIt() throws IOException {
    StringWriter out = new StringWriter();
    new TextReportWriter().write(SampleReports.notReadyCheck(), out, RenderOptions.PLAIN);

    assertThat(out.toString().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith(
        "NOT READY — blocked by root-volume-usage, no-secrets-left, required-components, profile-size · 1 pass,"
            + " 3 fail, 1 warn, 1 unknown, 1 skipped · exit 1");
  }

  @Test
  void aCheckSummarisesLargeCleanupItemsButADryRunListsEveryPath(@TempDir Path temp) {
    ImageTree tree = ImageTree.at(temp.resolve("image")).debian();
    for (int i = 0; i < 20; i++) {
      tree.file("var/cache/apt/archives/pkg" + i + ".deb", "x");
    }
    CliHarness cli = new CliHarness(temp.getFileSystem(), temp.resolve("state"));
    String[] target = {"--root", tree.root().toString(), "--profile", "ec2-linux", "--state-dir",
        temp.resolve("state").toString()};

    String check = cli.run(concat("check", target)).out();
    String dryRun = cli.run(concat("clean", concat("--dry-run", target))).out();

    assertThat(check).contains("22 paths of package-caches under /var/cache/apt/archives (--verbose lists them)")
        .contains("/etc/ssh/ssh_host_ed25519_key").doesNotContain("pkg7.deb");
    assertThat(dryRun).contains("/var/cache/apt/archives/pkg7.deb").doesNotContain("--verbose lists them");
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
