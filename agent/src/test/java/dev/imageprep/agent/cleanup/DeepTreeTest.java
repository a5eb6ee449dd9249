package dev.imageprep.agent.cleanup;

import static dev.imageprep.agent.testing.Trees.exists;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.Trees;
import dev.imageprep.agent.testing.UsedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory nested thousands deep, which any user can make in /tmp: planned with its exact size,
 * removed, and reported — walked iteratively by directory handles, never by recursion (a stack
 * overflow) nor by absolute paths (longer than PATH_MAX).
 */
class DeepTreeTest {

  static final int DEPTH = 5_000;

  @TempDir
  Path tmp;

  Path root;
  LocalCli cli;

  @BeforeEach
  void deepTree() throws IOException, InterruptedException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    Trees.deepChain(root.resolve("tmp/deep"), DEPTH, "x".repeat(1234));
    cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
  }

  @AfterEach
  void removeWhatIsLeft() throws IOException, InterruptedException {
    Trees.removeDeep(root);
  }

  private JsonNode run(int expectedExit, String... args) {
    return run(java.util.Set.of(expectedExit), args);
  }

  private JsonNode run(java.util.Set<Integer> expectedExit, String... args) {
    String[] all = new String[args.length + 8];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--root", root.toString(), "--profile", "ec2-linux", "--format", "json",
        "--state-dir", tmp.resolve("state").toString()}, 0, all, args.length, 8);
    LocalCli.Result r = cli.run(all);
    assertThat(r.err()).doesNotContain("Exception", "Error");
    assertThat(r.exitCode()).as(r.out() + r.err()).isIn(expectedExit);
    return ReportSchema.validated(r.out());
  }

  private static JsonNode step(JsonNode report, String path) {
    for (JsonNode s : report.get("cleanup")) {
      if (s.get("path").asText().equals(path)) {
        return s;
      }
    }
    throw new AssertionError("no step for " + path);
  }

  @Test
  void checkPlanCleanAndRunAgain() {
    JsonNode check = run(java.util.Set.of(0, 1), "check"); // ready or not: it ends with a report
    assertThat(step(check, "/tmp/deep").get("bytes").asLong()).as("the preview measures it exactly").isEqualTo(1234);

    JsonNode plan = run(0, "clean", "--dry-run");
    JsonNode deep = step(plan, "/tmp/deep");
    assertThat(deep.get("status").asText()).isEqualTo("planned");
    assertThat(deep.get("bytes").asLong()).isEqualTo(1234);

    JsonNode done = run(0, "clean", "--yes");
    assertThat(step(done, "/tmp/deep").get("status").asText()).isEqualTo("done");
    assertThat(exists(root, "/tmp/deep")).isFalse();
    assertThat(run(0, "clean", "--yes").at("/summary/cleanupPlanned").asInt()).isZero();
  }
}
