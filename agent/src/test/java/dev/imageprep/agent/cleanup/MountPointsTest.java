package dev.imageprep.agent.cleanup;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.read;
import static dev.imageprep.agent.testing.Trees.write;
import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.DirectCleanup;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mount points inside the plan, with real bind mounts and tmpfs (mounted in the test, unmounted in
 * {@code finally}): never descended, emptied or written, whether the mount is another filesystem or
 * a bind mount of the same one (same device number), present when planning or mounted afterwards.
 */
class MountPointsTest {

  @TempDir
  Path tmp;

  Path root;
  Path outside;
  LocalCli cli;

  @BeforeEach
  void tree() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    outside = Files.createDirectories(tmp.resolve("host"));
    write(outside, "/data/precious", "do not touch");
    write(outside, "/data/sub/deeper", "do not touch either");
    write(root, "/home/admin/notes.txt", "the user's own");
    cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
  }

  private JsonNode clean() {
    LocalCli.Result r = cli.run("clean", "--root", root.toString(), "--profile", "ec2-linux", "--yes", "--format",
        "json", "--state-dir", tmp.resolve("state").toString());
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    return report;
  }

  private static JsonNode step(JsonNode report, String path) {
    for (JsonNode s : report.get("cleanup")) {
      if (s.get("path").asText().equals(path)) {
        return s;
      }
    }
    throw new AssertionError("no step for " + path + " in " + report.get("cleanup"));
  }

  @Test
  void bindMountsAndTmpfsInsidePlannedDirectoriesAreSkippedAsAnotherFilesystem() throws IOException {
    String host = fingerprint(outside);
    try (Mounts mounts = Mounts.required()) {
      mounts.bind(outside.resolve("data"), root.resolve("tmp/x")); // same filesystem, same st_dev
      write(mounts.tmpfs(root.resolve("var/tmp/y")), "/in-tmpfs", "RAM");
      mounts.bind(root.resolve("home"), root.resolve("tmp/home-alias")); // the image's own /home
      String home = fingerprint(root.resolve("home"));

      JsonNode report = clean();

      assertThat(fingerprint(outside)).as("the bind-mounted outside folder").isEqualTo(host);
      assertThat(read(root, "/var/tmp/y/in-tmpfs")).isEqualTo("RAM");
      assertThat(read(root, "/home/admin/notes.txt")).isEqualTo("the user's own");
      assertThat(fingerprint(root.resolve("tmp/home-alias"))).as("/home through its alias")
          .isEqualTo(fingerprint(root.resolve("home")));
      for (String p : List.of("/tmp/x", "/var/tmp/y", "/tmp/home-alias")) {
        JsonNode s = step(report, p);
        assertThat(s.get("status").asText()).as(p).isEqualTo("skipped");
        assertThat(s.get("reason").asText()).as(p).startsWith("another filesystem");
      }
      assertThat(exists(root, "/tmp/build.log")).as("the rest of /tmp is cleaned").isFalse();
      assertThat(exists(root, "/var/tmp/cache.bin")).isFalse();
      assertThat(home).isNotEmpty();
    }
  }

  @Test
  void aBindMountOverAFileIsNeverTruncated() throws IOException {
    write(outside, "/wtmp-of-the-host", "host login records");
    try (Mounts mounts = Mounts.required()) {
      mountFile(mounts, outside.resolve("wtmp-of-the-host"), root.resolve("var/log/wtmp"));
      JsonNode report = clean();
      assertThat(read(outside, "/wtmp-of-the-host")).isEqualTo("host login records");
      assertThat(step(report, "/var/log/wtmp").get("reason").asText()).startsWith("another filesystem");
    }
  }

  @Test
  void aBindMountThatAppearsBetweenPlanAndActionIsNotDescended() throws IOException {
    write(root, "/tmp/late/sub/planned", "x");
    write(root, "/tmp/late/other", "y");
    CleanupEntry tmpFiles = new CleanupEntry("tmp-files", "t", ActionKind.EMPTY_DIR, List.of(Glob.parse("/tmp")),
        true, 50, "", "", "test", "test:1");
    CleanupPlan plan = DirectCleanup.plan(root, tmpFiles);
    String host = fingerprint(outside);
    List<PlannedStep> done;
    try (Mounts mounts = Mounts.required()) {
      mounts.bind(outside.resolve("data"), root.resolve("tmp/late/sub"));
      done = DirectCleanup.execute(root, tmp.resolve("state/j.jsonl"), plan);
      assertThat(fingerprint(outside)).isEqualTo(host);
    }
    PlannedStep late = done.stream().filter(s -> s.path().toString().equals("/tmp/late")).findFirst().orElseThrow();
    assertThat(late.status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(late.reason()).startsWith("another filesystem");
  }

  /** mount --bind of a single file: the target must exist as a file. */
  private static void mountFile(Mounts mounts, Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (!Files.exists(target)) {
      Files.createFile(target);
    }
    mounts.bindFile(source, target);
  }
}
