package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.Trees;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory (lock and journals) going wrong for real: a read-only mount, a plain file, a
 * disk that fills up while the journal is written. Each ends with a clear message and the right exit
 * code, never a stack trace, and nothing is changed that the journal does not hold.
 */
class StateDirectoryTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path state;
  private LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    state = Files.createDirectories(tmp.resolve("state"));
    cli = new LocalCli(state, Files.createDirectories(tmp.resolve("cwd")));
  }

  private LocalCli.Result clean(Path stateDir) {
    return cli.run("clean", "--root", root.toString(), "--profile", "ec2-linux", "--state-dir", stateDir.toString(),
        "--yes", "--format", "json");
  }

  @Test
  void aStateDirectoryThatIsAFileIsNamedAsSuch() throws IOException {
    Path file = Files.writeString(tmp.resolve("state-file"), "");
    String before = fingerprint(root);

    LocalCli.Result r = clean(file);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(file + " is not a directory").contains("--state-dir").doesNotContain("run as root")
        .doesNotContain("\tat ");
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void rootIsToldTheFilesystemIsReadOnlyNotToRunAsRoot() throws Exception {
    assumeTrue(Mounts.isRoot(), "mounting a read-only tmpfs needs root (CI runs as root)");
    Mounts.tmpfs(state, "1m", "ro");
    try {
      String before = fingerprint(root);

      LocalCli.Result r = clean(state);

      assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains(state + " is on a read-only filesystem").doesNotContain("run as root")
          .doesNotContain("\tat ");
      assertThat(fingerprint(root)).isEqualTo(before);
    } finally {
      Mounts.unmount(state);
    }
  }

  @Test
  void aJournalThatFillsTheDiskStopsTheRunWithExitThree() throws Exception {
    assumeTrue(Mounts.isRoot(), "mounting a small tmpfs needs root (CI runs as root)");
    for (int i = 0; i < 40; i++) {
      Trees.write(root, "/tmp/leftover-" + i, "x"); // more steps than one page of journal holds
    }
    Mounts.tmpfs(state, "64k");
    try {
      // the lock file already has its page; then the disk is filled, and one page freed for the journal
      Files.writeString(state.resolve(Session.lockFileName(root.toRealPath(), true)), "pid 1\n");
      int pages = 0;
      try {
        while (true) {
          try (OutputStream out = Files.newOutputStream(state.resolve("filler-" + pages))) {
            out.write(new byte[4096]);
          }
          pages++;
        }
      } catch (IOException full) {
        Files.deleteIfExists(state.resolve("filler-" + pages));
      }
      Files.delete(state.resolve("filler-0"));

      LocalCli.Result r = clean(state);

      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INCOMPLETE.code());
      assertThat(r.err()).doesNotContain("\tat ");
      JsonNode report = ReportSchema.validated(r.out());
      assertThat(report.at("/verdict").asText()).isEqualTo("INCOMPLETE");
      assertThat(report.at("/notes").toString()).contains("could not be written").contains("No space left on device");
      int done = report.at("/summary/cleanupDone").asInt();
      assertThat(done).as("some steps fit in the journal's one page").isPositive();
      assertThat(report.at("/cleanup").findValuesAsText("reason")).anyMatch(x -> x.startsWith("not run: the journal"));
      long leftovers;
      try (var s = Files.list(root.resolve("tmp"))) {
        leftovers = s.count();
      }
      assertThat(leftovers).as("nothing after the journal failed was touched").isPositive();
    } finally {
      Mounts.unmount(state);
    }
  }
}
