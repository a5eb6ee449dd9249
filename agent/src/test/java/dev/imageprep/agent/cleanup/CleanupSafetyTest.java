package dev.imageprep.agent.cleanup;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.fifo;
import static dev.imageprep.agent.testing.Trees.link;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety rules of DESIGN.md, on real directory trees with real symlinks, hard links and FIFOs:
 * plan with the real planner, act with the real executor, then look at what is left — inside the
 * image and, above all, outside it.
 */
class CleanupSafetyTest {

  @TempDir
  Path tmp;

  Path root;
  Path outside;

  @BeforeEach
  void trees() throws IOException {
    root = Files.createDirectories(tmp.resolve("image"));
    outside = Files.createDirectories(tmp.resolve("host"));
    write(outside, "/precious", "do not touch");
    write(outside, "/dir/keep", "do not touch");
  }

  private static CleanupEntry entry(String id, ActionKind action, String... paths) {
    return new CleanupEntry(id, id, action, List.of(paths).stream().map(Glob::parse).toList(), true,
        action == ActionKind.SHRED ? 10 : 50, "", "", "test", "test:1");
  }

  private CleanupPlan plan(CleanupEntry... entries) {
    return DirectCleanup.plan(root, entries);
  }

  private List<PlannedStep> execute(CleanupPlan plan) throws IOException {
    return DirectCleanup.execute(root, tmp.resolve("state/journal.jsonl"), plan);
  }

  private static Map<String, PlannedStep> byPath(List<PlannedStep> steps) {
    return steps.stream().collect(Collectors.toMap(s -> s.path().toString(), s -> s));
  }

  @Test
  void aSymlinkAsTheLastComponentIsRemovedAsALinkAndItsTargetOutsideSurvives() throws IOException {
    write(root, "/etc/ssh/ssh_host_rsa_key", "PRIVATE");
    link(root, "/etc/ssh/ssh_host_ecdsa_key", outside.resolve("precious").toString());
    link(root, "/var/log/wtmp", outside.resolve("precious").toString());
    link(root, "/etc/machine-id", outside.resolve("precious").toString());
    List<PlannedStep> done = execute(plan(entry("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_*_key"),
        entry("login-records", ActionKind.TRUNCATE, "/var/log/wtmp"),
        entry("machine-id", ActionKind.RESET_MACHINE_ID, "/etc/machine-id")));

    assertThat(read(outside, "/precious")).isEqualTo("do not touch");
    assertThat(exists(root, "/etc/ssh/ssh_host_rsa_key")).isFalse();
    assertThat(exists(root, "/etc/ssh/ssh_host_ecdsa_key")).as("the link itself is gone").isFalse();
    assertThat(exists(root, "/var/log/wtmp")).as("truncate never follows: link left alone").isTrue();
    Map<String, PlannedStep> steps = byPath(done);
    assertThat(steps.get("/etc/ssh/ssh_host_ecdsa_key").status()).isEqualTo(CleanupStatus.DONE);
    assertThat(steps.get("/var/log/wtmp").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/etc/machine-id").status()).isEqualTo(CleanupStatus.SKIPPED);
  }

  @Test
  void absoluteDirectorySymlinksInsideTheRootLeadInsideTheRoot() throws IOException {
    // the image says /var/lock -> /run/lock; on this machine an absolute /run/lock is the host's
    write(root, "/run/lock/.skylight.domain-join.lock", "");
    link(root, "/var/lock", "/run/lock");
    write(root, "/var/mail/alice", "mail");
    link(root, "/var/spool/mail", "../mail");
    link(root, "/var/tmp", outside.resolve("dir").toString()); // a hostile absolute link
    List<PlannedStep> done = execute(plan(entry("skylight-state", ActionKind.REMOVE, "/var/lock/.skylight.domain-join.lock"),
        entry("mail-spool", ActionKind.EMPTY_DIR, "/var/spool/mail"), entry("var-tmp", ActionKind.EMPTY_DIR, "/var/tmp")));

    assertThat(exists(root, "/run/lock/.skylight.domain-join.lock")).isFalse();
    assertThat(exists(root, "/var/mail/alice")).isFalse();
    assertThat(Files.isSymbolicLink(root.resolve("var/spool/mail"))).as("the distribution's link stays").isTrue();
    assertThat(read(outside, "/dir/keep")).as("an absolute link is resolved inside the root").isEqualTo("do not touch");
    assertThat(done).extracting(PlannedStep::status).containsOnly(CleanupStatus.DONE);
  }

  @Test
  void hardLinkedKeysAreRefusedAndNothingIsOverwritten() throws IOException {
    write(root, "/etc/ssh/ssh_host_rsa_key", "PRIVATE");
    Files.createLink(root.resolve("backup-of-key"), root.resolve("etc/ssh/ssh_host_rsa_key"));
    List<PlannedStep> done = execute(plan(entry("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_*_key")));

    assertThat(done).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).contains("2 hard links");
    });
    assertThat(read(root, "/backup-of-key")).isEqualTo("PRIVATE");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fifosAreRemovedFromDirectoriesButNeverOpened() throws Exception {
    fifo(root, "/tmp/pipe");
    fifo(root, "/etc/ssh/ssh_host_dsa_key");
    write(root, "/tmp/file", "x");
    Map<String, PlannedStep> steps = byPath(execute(plan(entry("tmp-files", ActionKind.EMPTY_DIR, "/tmp"),
        entry("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_*_key"))));

    assertThat(exists(root, "/tmp/pipe")).isFalse();
    assertThat(exists(root, "/tmp/file")).isFalse();
    assertThat(steps.get("/etc/ssh/ssh_host_dsa_key").status()).as("shred refuses a FIFO")
        .isEqualTo(CleanupStatus.SKIPPED);
    assertThat(exists(root, "/etc/ssh/ssh_host_dsa_key")).isTrue();
  }

  @Test
  void removingATreeNeverFollowsLinksInsideIt() throws IOException {
    write(root, "/var/lib/cloud/instances/i-1/user-data.txt", "#cloud-config");
    link(root, "/var/lib/cloud/instance", "/var/lib/cloud/instances/i-1");
    link(root, "/var/lib/cloud/instances/i-1/escape", outside.resolve("dir").toString());
    execute(plan(entry("cloud-init-state", ActionKind.EMPTY_DIR, "/var/lib/cloud")));

    assertThat(root.resolve("var/lib/cloud")).isEmptyDirectory();
    assertThat(read(outside, "/dir/keep")).isEqualTo("do not touch");
  }

  @Test
  void aFileThatChangesTypeBetweenPlanAndActionIsSkipped() throws Exception {
    write(root, "/etc/ssh/ssh_host_rsa_key", "PRIVATE");
    write(root, "/etc/ssh/ssh_host_ed25519_key", "PRIVATE");
    write(root, "/tmp/later-a-dir", "x");
    CleanupPlan plan = plan(entry("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_*_key"),
        entry("tmp-files", ActionKind.EMPTY_DIR, "/tmp"));
    // between plan and action: one key becomes a symlink to a host file, the other a FIFO,
    // and a planned file becomes a directory
    Files.delete(root.resolve("etc/ssh/ssh_host_rsa_key"));
    link(root, "/etc/ssh/ssh_host_rsa_key", outside.resolve("precious").toString());
    Files.delete(root.resolve("etc/ssh/ssh_host_ed25519_key"));
    fifo(root, "/etc/ssh/ssh_host_ed25519_key");
    Files.delete(root.resolve("tmp/later-a-dir"));
    write(root, "/tmp/later-a-dir/inside", "new");
    Map<String, PlannedStep> steps = byPath(execute(plan));

    assertThat(steps.values()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).contains("changed since planning");
    });
    assertThat(read(outside, "/precious")).isEqualTo("do not touch");
    assertThat(read(root, "/tmp/later-a-dir/inside")).isEqualTo("new");
  }

  @Test
  void aFileReplacedByAnotherOfTheSameTypeIsSkipped() throws IOException {
    write(root, "/var/lib/dhcp/dhclient.leases", "lease");
    CleanupPlan plan = plan(entry("dhcp-leases", ActionKind.EMPTY_DIR, "/var/lib/dhcp"));
    // dhclient writes a new lease file and renames it over the old one: same name, new inode
    Path fresh = write(root, "/var/lib/dhcp/.new", "new lease");
    Files.move(fresh, root.resolve("var/lib/dhcp/dhclient.leases"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(execute(plan)).singleElement().satisfies(s -> assertThat(s.reason()).contains("replaced"));
    assertThat(read(root, "/var/lib/dhcp/dhclient.leases")).isEqualTo("new lease");
  }

  @Test
  void aDirectoryOnTheWaySwappedForASymlinkStopsTheStep() throws IOException {
    write(root, "/var/lib/skylight/private.key", "KEY");
    CleanupPlan plan = plan(entry("skylight-keys", ActionKind.SHRED, "/var/lib/skylight/private.key"));
    Files.move(root.resolve("var/lib/skylight"), root.resolve("var/lib/skylight.real"));
    write(outside, "/private.key", "host key");
    link(root, "/var/lib/skylight", outside.toString());
    assertThat(execute(plan)).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).contains("changed since planning");
    });
    assertThat(read(outside, "/private.key")).isEqualTo("host key");
  }

  @Test
  void reRunningAfterCompletionFindsNothingToDo() throws IOException {
    write(root, "/etc/ssh/ssh_host_rsa_key", "PRIVATE");
    write(root, "/tmp/a/b", "x");
    write(root, "/etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    CleanupEntry[] entries = {entry("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_*_key"),
        entry("tmp-files", ActionKind.EMPTY_DIR, "/tmp"), entry("machine-id", ActionKind.RESET_MACHINE_ID, "/etc/machine-id")};
    assertThat(execute(plan(entries))).extracting(PlannedStep::status).containsOnly(CleanupStatus.DONE);
    assertThat(Files.size(root.resolve("etc/machine-id"))).as("emptied, not deleted").isZero();
    assertThat(root.resolve("tmp")).as("the directory stays").isEmptyDirectory();
    assertThat(plan(entries).steps()).isEmpty();
  }

  @Test
  void anInterruptedRunStopsBetweenStepsAndTheJournalSaysSo() throws IOException {
    write(root, "/tmp/1", "x");
    write(root, "/tmp/2", "x");
    CleanupPlan plan = plan(entry("tmp-files", ActionKind.EMPTY_DIR, "/tmp"));
    int[] calls = {0};
    List<PlannedStep> done;
    try (Journal journal = Journal.open(tmp.resolve("state/j.jsonl"), Clock.systemUTC())) {
      done = new CleanupExecutor(new SafeTree(root), CleanupActions.standard(), journal)
          .execute(plan, CleanupExecutor.Listener.NONE, () -> calls[0]++ > 0);
    }
    assertThat(done).extracting(PlannedStep::status).containsExactly(CleanupStatus.DONE, CleanupStatus.SKIPPED);
    List<String> journal = Files.readAllLines(tmp.resolve("state/j.jsonl"));
    assertThat(journal.get(0)).contains("\"event\":\"start\"");
    assertThat(journal).as("a removed file is journalled once done, with its directory and name")
        .anySatisfy(l -> assertThat(l).contains("\"event\":\"removed\"", "\"directory\":\"/tmp\"", "\"names\":[\"1\"]"));
    assertThat(journal).anySatisfy(l -> assertThat(l).contains("\"event\":\"not-run\"", "\"steps\":1"));
    assertThat(journal.get(journal.size() - 1)).contains("\"interrupted\":true");
  }
}
