package dev.imageprep.rules.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.testing.MemoryImageFiles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final MemoryImageFiles files = new MemoryImageFiles();

  private static CleanupEntry entry(String id, ActionKind action, int order, String... paths) {
    return new CleanupEntry(id, id, action, List.of(paths).stream().map(Glob::parse).toList(), true, order, "", "",
        "test", "test:1");
  }

  private CleanupPlan plan(CleanupEntry... entries) {
    return new Planner(files, List.of(), List.of()).plan(List.of(entries));
  }

  private static Map<String, PlannedStep> byPath(CleanupPlan plan) {
    return plan.steps().stream().collect(Collectors.toMap(s -> s.path().toString(), s -> s));
  }

  @Test
  void shredsRegularKeysAndRemovesSymlinksAsLinks() {
    files.file("/etc/ssh/ssh_host_rsa_key", "KEY").file("/etc/ssh/ssh_host_rsa_key.pub", "PUB")
        .file("/etc/ssh/sshd_config", "Port 22").file("/srv/precious", "data")
        .symlink("/etc/ssh/ssh_host_ed25519_key", "/srv/precious");
    Map<String, PlannedStep> steps = byPath(plan(entry("ssh-host-keys", ActionKind.SHRED, 10,
        "/etc/ssh/ssh_host_*_key", "/etc/ssh/ssh_host_*_key.pub")));

    assertThat(steps).containsOnlyKeys("/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_rsa_key.pub",
        "/etc/ssh/ssh_host_ed25519_key");
    assertThat(steps.get("/etc/ssh/ssh_host_rsa_key").action()).isEqualTo(ActionKind.SHRED);
    PlannedStep link = steps.get("/etc/ssh/ssh_host_ed25519_key");
    assertThat(link.action()).as("a symlink is removed, its target never shredded").isEqualTo(ActionKind.REMOVE);
    assertThat(link.type()).isEqualTo(FileType.SYMLINK);
    assertThat(link.status()).isEqualTo(CleanupStatus.PLANNED);
  }

  @Test
  void refusesToShredHardLinkedAndSpecialFiles() {
    files.file("/k/linked", "KEY", 2).special("/k/fifo", FileType.FIFO).special("/k/dev", FileType.BLOCK_DEVICE);
    Map<String, PlannedStep> steps = byPath(plan(entry("keys", ActionKind.SHRED, 10, "/k/*")));

    assertThat(steps.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED));
    assertThat(steps.get("/k/linked").reason()).contains("2 hard links");
    assertThat(steps.get("/k/fifo").reason()).contains("fifo is not a regular file");
    assertThat(steps.get("/k/dev").reason()).contains("block-device");
  }

  @Test
  void emptiesTheDirectoryADistributionSymlinkLeadsToAndKeepsTheLink() {
    // Debian: /var/spool/mail -> ../mail
    files.file("/var/mail/alice", "mail").file("/var/mail/.hidden", "x").symlink("/var/spool/mail", "../mail");
    Map<String, PlannedStep> steps = byPath(plan(entry("mail-spool", ActionKind.EMPTY_DIR, 50, "/var/spool/mail")));

    assertThat(steps).containsOnlyKeys("/var/mail/alice", "/var/mail/.hidden");
    assertThat(steps.values()).allSatisfy(s -> assertThat(s.action()).isEqualTo(ActionKind.REMOVE));
    assertThat(files.exists("/var/spool/mail")).isTrue();
  }

  @Test
  void absoluteDirectorySymlinksResolveInsideTheImage() {
    // /var/lock -> /run/lock must lead to the image's /run/lock, shown as the real path
    files.file("/run/lock/.skylight.domain-join.lock", "").symlink("/var/lock", "/run/lock");
    CleanupPlan plan = plan(entry("skylight-state", ActionKind.REMOVE, 50, "/var/lock/.skylight.domain-join.lock"));

    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.path()).hasToString("/run/lock/.skylight.domain-join.lock");
      assertThat(s.matched()).hasToString("/var/lock/.skylight.domain-join.lock");
    });
  }

  @Test
  void aSymlinkClimbingOutOfTheRootStaysInside() {
    files.file("/etc/passwd", "root:x:0:0").symlink("/tmp/escape", "../../../../../etc");
    CleanupPlan plan = plan(entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp"));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.path()).hasToString("/tmp/escape");
      assertThat(s.type()).isEqualTo(FileType.SYMLINK);
    });
  }

  @Test
  void neverTouchesProtectedUserVolumes() {
    files.file("/root/.bash_history", "ls").file("/home/alice/.bash_history", "ls");
    List<Planner.Guard> protect = List.of(new Planner.Guard(ImagePath.of("/home"), "/home is the user volume"));
    CleanupPlan plan = new Planner(files, protect, List.of())
        .plan(List.of(entry("shell-histories", ActionKind.REMOVE, 50, "/root/.*_history", "/home/*/.*_history")));
    Map<String, PlannedStep> steps = byPath(plan);

    assertThat(steps.get("/root/.bash_history").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/home/alice/.bash_history").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/home/alice/.bash_history").reason()).startsWith("protected: /home is the user volume");
  }

  @Test
  void keepsTheDirectoryThisRunWorksIn() {
    files.file("/tmp/ssm-run-1/script.sh", "#!/bin/sh").file("/tmp/old.log", "x");
    List<Planner.Guard> kept = List.of(new Planner.Guard(ImagePath.of("/tmp/ssm-run-1"), "the working directory"));
    Map<String, PlannedStep> steps = byPath(new Planner(files, List.of(), kept)
        .plan(List.of(entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp"))));

    assertThat(steps.get("/tmp/old.log").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/tmp/ssm-run-1").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/tmp/ssm-run-1").reason()).contains("kept");
  }

  @Test
  void anAlreadyCleanImagePlansNothing() {
    files.dir("/tmp").dir("/var/lib/cloud").file("/etc/machine-id", "").file("/var/log/wtmp", "");
    CleanupPlan plan = plan(entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp"),
        entry("cloud-init-state", ActionKind.EMPTY_DIR, 50, "/var/lib/cloud"),
        entry("udev", ActionKind.REMOVE, 50, "/etc/udev/rules.d/70-persistent-net.rules"),
        entry("login-records", ActionKind.TRUNCATE, 50, "/var/log/wtmp"),
        entry("machine-id", ActionKind.RESET_MACHINE_ID, 1000, "/etc/machine-id"));
    assertThat(plan.steps()).isEmpty();
  }

  @Test
  void anUnreadableDirectoryIsAFailedStepNotASilentGap() {
    files.file("/var/tmp/secret/x", "1").unreadable("/var/tmp");
    CleanupPlan plan = plan(entry("var-tmp-files", ActionKind.EMPTY_DIR, 50, "/var/tmp"));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.FAILED);
      assertThat(s.reason()).contains("permission denied");
    });
  }

  @Test
  void ordersByOrderThenIdAndTheFirstStepForAPathWins() {
    files.file("/etc/machine-id", "abc").file("/var/lib/cloud/instance/k", "KEY").file("/a/b", "1");
    CleanupPlan plan = plan(entry("machine-id", ActionKind.RESET_MACHINE_ID, 1000, "/etc/machine-id"),
        entry("zz-remove", ActionKind.REMOVE, 50, "/a/b"),
        entry("aa-remove", ActionKind.REMOVE, 50, "/a/b"),
        entry("keys", ActionKind.SHRED, 10, "/var/lib/cloud/instance/k"));
    assertThat(plan.steps().stream().filter(PlannedStep::isPlanned)).extracting(PlannedStep::id)
        .containsExactly("keys", "aa-remove", "machine-id");
    assertThat(plan.steps()).filteredOn(s -> s.id().equals("zz-remove")).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).isEqualTo("already planned by aa-remove");
      assertThat(s.bytes()).isZero();
    });
  }

  @Test
  void truncateKeepsFilesAndSkipsLinks() {
    files.file("/var/log/wtmp", "records").symlink("/var/log/btmp", "/etc/shadow");
    Map<String, PlannedStep> steps = byPath(plan(entry("login-records", ActionKind.TRUNCATE, 50, "/var/log/[wb]tmp")));
    assertThat(steps.get("/var/log/wtmp").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/var/log/wtmp").bytes()).isEqualTo(7);
    assertThat(steps.get("/var/log/btmp").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/var/log/btmp").reason()).contains("symlink: not followed");
  }

  @Test
  void removerOfCoversPathsBelowARemovedDirectoryButNotTruncatedFiles() {
    files.file("/var/lib/cloud/instance/user-data.txt", "x").file("/var/log/wtmp", "x");
    CleanupPlan plan = plan(entry("cloud-init-state", ActionKind.EMPTY_DIR, 50, "/var/lib/cloud"),
        entry("login-records", ActionKind.TRUNCATE, 50, "/var/log/wtmp"));
    assertThat(plan.removerOf(ImagePath.of("/var/lib/cloud/instance/user-data.txt"))).contains("cloud-init-state");
    assertThat(plan.removerOf(ImagePath.of("/var/log/wtmp"))).isEmpty();
    assertThat(plan.plannedBytes()).isEqualTo(2);
  }
}
