package dev.imageprep.agent.cleanup;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.read;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.DirectCleanup;
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
 * Writing into a file writes into every name it has: truncate, reset-machine-id, clear-password and
 * shred refuse a regular file with more than one hard link, whether the second link was there when
 * planning or appeared afterwards (checked on the opened descriptor). Removing a link stays fine.
 */
class HardLinksTest {

  @TempDir
  Path tmp;

  Path root;
  Path outside;

  static final String LAUNCH_CONFIG = """
      {"setComputerName": false, "adminPasswordType": "Specify", "adminPassword": "Sup3r-Secret!"}
      """;

  @BeforeEach
  void trees() throws IOException {
    root = Files.createDirectories(tmp.resolve("image"));
    outside = Files.createDirectories(tmp.resolve("host"));
  }

  private static CleanupEntry entry(String id, ActionKind action, String path) {
    return new CleanupEntry(id, id, action, List.of(Glob.parse(path)), true, 50, "", "", "test", "test:1");
  }

  private CleanupPlan plan(CleanupEntry... entries) {
    return DirectCleanup.plan(root, entries);
  }

  private List<PlannedStep> execute(CleanupPlan plan) throws IOException {
    return DirectCleanup.execute(root, tmp.resolve("state/journal.jsonl"), plan);
  }

  private static final CleanupEntry[] WRITERS = {
      entry("login-records", ActionKind.TRUNCATE, "/var/log/wtmp"),
      entry("machine-id", ActionKind.RESET_MACHINE_ID, "/etc/machine-id"),
      entry("launch-password", ActionKind.CLEAR_PASSWORD, "/ProgramData/Amazon/EC2Launch/config/LaunchConfig.json"),
      entry("auth-log", ActionKind.TRUNCATE, "/var/log/auth.log")};

  private void linkedFiles() throws IOException {
    write(outside, "/wtmp", "the host's login records");
    write(outside, "/machine-id", "0123456789abcdef0123456789abcdef\n");
    write(outside, "/LaunchConfig.json", LAUNCH_CONFIG);
    write(root, "/etc/shadow", "root:$6$salt$hash:19000:0:99999:7:::\n");
    Files.createDirectories(root.resolve("var/log"));
    Files.createDirectories(root.resolve("ProgramData/Amazon/EC2Launch/config"));
    Files.createLink(root.resolve("var/log/wtmp"), outside.resolve("wtmp"));
    Files.createLink(root.resolve("etc/machine-id"), outside.resolve("machine-id"));
    Files.createLink(root.resolve("ProgramData/Amazon/EC2Launch/config/LaunchConfig.json"),
        outside.resolve("LaunchConfig.json"));
    Files.createLink(root.resolve("var/log/auth.log"), root.resolve("etc/shadow"));
  }

  private void assertNothingWrittenAndAllRefused(List<PlannedStep> done) throws IOException {
    assertThat(read(outside, "/wtmp")).isEqualTo("the host's login records");
    assertThat(read(outside, "/machine-id")).isEqualTo("0123456789abcdef0123456789abcdef\n");
    assertThat(read(outside, "/LaunchConfig.json")).isEqualTo(LAUNCH_CONFIG);
    assertThat(read(root, "/etc/shadow")).startsWith("root:$6$");
    assertThat(done).hasSize(4).allSatisfy(s -> {
      assertThat(s.status()).as(s.path().toString()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).as(s.path().toString()).contains("2 hard links");
    });
  }

  @Test
  void filesWithAnotherHardLinkAreRefusedWhenPlanned() throws IOException {
    linkedFiles();
    CleanupPlan plan = plan(WRITERS);
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED));
    assertNothingWrittenAndAllRefused(execute(plan));
  }

  @Test
  void aHardLinkMadeAfterPlanningIsRefusedOnTheOpenedFile() throws IOException {
    write(root, "/var/log/wtmp", "records");
    write(root, "/etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    write(root, "/ProgramData/Amazon/EC2Launch/config/LaunchConfig.json", LAUNCH_CONFIG);
    write(root, "/var/log/auth.log", "sshd: accepted\n");
    CleanupPlan plan = plan(WRITERS);
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(CleanupStatus.PLANNED));
    // between plan and action, each file gets a second name outside the image (same inode, same content)
    Files.createLink(outside.resolve("wtmp"), root.resolve("var/log/wtmp"));
    Files.createLink(outside.resolve("machine-id"), root.resolve("etc/machine-id"));
    Files.createLink(outside.resolve("LaunchConfig.json"),
        root.resolve("ProgramData/Amazon/EC2Launch/config/LaunchConfig.json"));
    Files.delete(root.resolve("var/log/auth.log"));
    Files.createLink(root.resolve("var/log/auth.log"), write(root, "/etc/shadow", "sshd: accepted\n"));
    List<PlannedStep> done = execute(plan);
    assertThat(read(outside, "/wtmp")).isEqualTo("records");
    assertThat(read(outside, "/machine-id")).isEqualTo("0123456789abcdef0123456789abcdef\n");
    assertThat(read(outside, "/LaunchConfig.json")).isEqualTo(LAUNCH_CONFIG);
    assertThat(read(root, "/etc/shadow")).isEqualTo("sshd: accepted\n");
    assertThat(done).allSatisfy(s -> {
      assertThat(s.status()).as(s.path().toString()).isNotEqualTo(CleanupStatus.DONE);
      if (s.path().toString().endsWith("auth.log")) {
        // a new file under the planned name: refused for its links, or earlier, as another inode
        // than the plan saw, when the file system did not reuse the freed inode number
        assertThat(s.reason()).as(s.path().toString()).containsAnyOf("hard link", "changed since planning");
      } else {
        assertThat(s.reason()).as(s.path().toString()).contains("hard link");
      }
    });
  }

  @Test
  void removingAHardLinkedFileRemovesOnlyThatName() throws IOException {
    write(outside, "/shared", "still here");
    Files.createDirectories(root.resolve("tmp"));
    Files.createLink(root.resolve("tmp/alias"), outside.resolve("shared"));
    List<PlannedStep> done = execute(plan(entry("tmp-files", ActionKind.EMPTY_DIR, "/tmp")));
    assertThat(done).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(CleanupStatus.DONE));
    assertThat(exists(root, "/tmp/alias")).isFalse();
    assertThat(read(outside, "/shared")).isEqualTo("still here");
  }
}
