package dev.imageprep.agent.cleanup;

import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.agent.testing.ForkedCli;
import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.agent.testing.UsedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per tree, between real processes: the lock is keyed on the tree (device and inode
 * of its root), so a bind mount or a symlink that reaches the same tree by another path is refused
 * with exit 4 and the holder's pid. CI runs as root, so the bind mount is real.
 */
class RunLockProcessesTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path state;
  private Path cwd;

  @BeforeEach
  void image() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    state = Files.createDirectories(tmp.resolve("state"));
    cwd = Files.createDirectories(tmp.resolve("cwd"));
  }

  @Test
  void aBindMountOfTheSameTreeWaitsForTheHolder() throws Exception {
    try (Mounts mounts = Mounts.required()) {
      Path alias = mounts.bind(root, tmp.resolve("alias"));
      String before = fingerprint(root);
      Process holder = ForkedCli.asThisUser().start(cwd, "dev.imageprep.agent.testing.LockHolder", state.toString(),
          root.toString());
      try {
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).as("the holder took the lock").isEqualTo("locked");

        ForkedCli.Result second = ForkedCli.asThisUser().run(cwd, "clean", "--root", alias.toString(), "--profile",
            "ec2-linux", "--state-dir", state.toString(), "--yes");

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCode.LOCKED.code());
        assertThat(second.err()).contains("pid " + holder.pid()).doesNotContain("\tat ");
        assertThat(fingerprint(root)).as("nothing was cleaned through the alias").isEqualTo(before);

        Path viaLink = Files.createSymbolicLink(tmp.resolve("link"), alias);
        assertThat(ForkedCli.asThisUser().run(cwd, "clean", "--root", viaLink.toString(), "--profile", "ec2-linux",
            "--state-dir", state.toString(), "--yes").exitCode()).isEqualTo(ExitCode.LOCKED.code());
      } finally {
        holder.getOutputStream().close();
        assertThat(holder.waitFor(5, TimeUnit.MINUTES)).isTrue();
      }
      ForkedCli.Result after = ForkedCli.asThisUser().run(cwd, "clean", "--root", alias.toString(), "--profile",
          "ec2-linux", "--state-dir", state.toString(), "--yes");
      assertThat(after.exitCode()).as("once the holder is gone: " + after.err()).isZero();
    }
  }
}
