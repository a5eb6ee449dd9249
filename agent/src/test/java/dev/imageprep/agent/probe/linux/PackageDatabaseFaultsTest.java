package dev.imageprep.agent.probe.linux;

import static dev.imageprep.agent.testing.Trees.fifo;
import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.host.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A package database that is there but cannot be read as one (a FIFO, a directory, a dangling link)
 * is not "no packages": every package fact is unknown, and so is every package rule. Real trees,
 * real FIFOs (reading one would block forever).
 */
class PackageDatabaseFaultsTest {

  @TempDir
  Path tmp;

  private Path broken(String database, String kind) throws IOException, InterruptedException {
    Path root = Files.createDirectories(tmp.resolve("image"));
    write(root, "/etc/os-release", "ID=debian\n");
    switch (kind) {
      case "fifo" -> fifo(root, database);
      case "directory" -> Files.createDirectories(root.resolve(database.substring(1)));
      case "dangling-link" -> link(root, database, "/var/lib/nowhere/" + Path.of(database).getFileName());
      default -> throw new IllegalArgumentException(kind);
    }
    return root;
  }

  private static LinuxPackages packages(Path root) {
    return new LinuxPackages(new RootedFiles(root), (cmd, timeout) -> Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fifo", "directory", "dangling-link"})
  void aDpkgStatusThatIsNotAFileIsUnknown(String kind) throws Exception {
    LinuxPackages packages = packages(broken("/var/lib/dpkg/status", kind));
    assertThat(packages.installed().isKnown()).isFalse();
    assertThat(packages.installed().reason()).contains("/var/lib/dpkg/status");
    assertThat(packages.files().isKnown()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fifo", "directory", "dangling-link"})
  void anRpmDatabaseThatIsNotAFileIsUnknown(String kind) throws Exception {
    LinuxPackages packages = packages(broken("/var/lib/rpm/rpmdb.sqlite", kind));
    assertThat(packages.installed().isKnown()).isFalse();
    assertThat(packages.installed().reason()).contains("rpmdb.sqlite");
    assertThat(packages.files().isKnown()).isFalse();
  }

  @Test
  void anRpmDatabaseDirectoryThatLeadsNowhereIsUnknown() throws Exception {
    LinuxPackages packages = packages(broken("/var/lib/rpm", "dangling-link"));
    assertThat(packages.installed().reason()).contains("/var/lib/rpm is a dangling link");
  }

  @Test
  void fileListsWithoutAStatusFileAreUnknown() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("image"));
    write(root, "/var/lib/dpkg/info/bash.list", "/bin/bash\n");
    assertThat(packages(root).installed().isKnown()).isFalse();
  }

  @Test
  void noDatabaseAtAllIsKnownAndEmpty() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("image"));
    Fact<?> files = packages(root).files();
    assertThat(packages(root).installed().value().managers()).isEmpty();
    assertThat(files.isKnown()).isTrue();
  }

  @Test
  void thePackageRulesOfAProfileAreUnknownNotPassed() throws Exception {
    Path root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("used")));
    Files.delete(root.resolve("var/lib/dpkg/status"));
    fifo(root, "/var/lib/dpkg/status");
    LocalCli cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
    LocalCli.Result r = cli.run("check", "--root", root.toString(), "--profile", "opsworks-linux", "--state-dir",
        tmp.resolve("state").toString(), "--format", "json");
    JsonNode report = ReportSchema.validated(r.out());
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals("opsworks-packages")) {
        assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("unknown");
        return;
      }
    }
    throw new AssertionError("no opsworks-packages check in " + report);
  }
}
