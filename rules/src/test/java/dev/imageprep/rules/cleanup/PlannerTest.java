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

  @Test
  void nothingAtBelowOrAboveAMountPointIsPlannedButTheRestOfItsDirectoryIs() {
    files.file("/tmp/a", "1").file("/tmp/x/inside", "2").file("/tmp/y/z/inside", "3").file("/var/tmp/m/f", "4");
    List<Planner.Guard> mounts = List.of(new Planner.Guard(ImagePath.of("/tmp/x"), "/tmp/x is a mount point (tmpfs)"),
        new Planner.Guard(ImagePath.of("/tmp/y/z"), "/tmp/y/z is a mount point (ext4, a bind mount)"),
        new Planner.Guard(ImagePath.of("/var/tmp"), "/var/tmp is a mount point (tmpfs)"));
    Map<String, PlannedStep> steps = byPath(new Planner(files, List.of(), List.of()).withMountPoints(mounts)
        .plan(List.of(entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp"),
            entry("var-tmp-files", ActionKind.EMPTY_DIR, 50, "/var/tmp"),
            entry("m", ActionKind.REMOVE, 60, "/var/tmp/m/f"))));

    assertThat(steps.get("/tmp/a").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/tmp/x").reason()).isEqualTo("another filesystem: /tmp/x is a mount point (tmpfs)");
    assertThat(steps.get("/tmp/y").reason()).as("a directory holding a mount is emptied around it")
        .startsWith("kept: another filesystem is mounted inside it (/tmp/y/z is a mount point");
    assertThat(steps.get("/tmp/y/z").reason()).startsWith("another filesystem: /tmp/y/z is a mount point");
    assertThat(steps).doesNotContainKey("/tmp/y/z/inside");
    assertThat(steps.get("/var/tmp").reason()).as("an empty-dir item on a mount").startsWith("another filesystem");
    assertThat(steps.get("/var/tmp/m/f").status()).as("below a mount").isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.values()).filteredOn(st -> st.status() == CleanupStatus.SKIPPED)
        .allSatisfy(st -> assertThat(st.bytes()).isZero());
  }

  @Test
  void everyActionThatWritesIntoAFileRefusesOneWithOtherHardLinks() {
    files.file("/var/log/wtmp", "records", 2).file("/etc/machine-id", "abc", 3).file("/k/key", "KEY", 2)
        .file("/tmp/linked", "x", 2);
    Map<String, PlannedStep> steps = byPath(plan(entry("login-records", ActionKind.TRUNCATE, 50, "/var/log/wtmp"),
        entry("machine-id", ActionKind.RESET_MACHINE_ID, 1000, "/etc/machine-id"),
        entry("keys", ActionKind.SHRED, 10, "/k/key"), entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp")));

    for (String p : List.of("/var/log/wtmp", "/etc/machine-id", "/k/key")) {
      assertThat(steps.get(p).status()).as(p).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(steps.get(p).reason()).as(p).startsWith("refused: the file has").contains("hard links");
    }
    assertThat(steps.get("/tmp/linked").status()).as("removing one name is fine").isEqualTo(CleanupStatus.PLANNED);
  }

  @Test
  void aPlanLargerThanTheHeapAllowsStopsWithAFailedStepThatSaysHowManyAreLeft() {
    for (int i = 0; i < 30; i++) {
      files.file("/var/tmp/f" + (100 + i), "x");
    }
    CleanupPlan plan = new Planner(files, List.of(), List.of()).limitSteps(10)
        .plan(List.of(entry("var-tmp-files", ActionKind.EMPTY_DIR, 50, "/var/tmp")));
    assertThat(plan.count(CleanupStatus.PLANNED)).isEqualTo(10);
    assertThat(plan.steps()).filteredOn(st -> st.status() == CleanupStatus.FAILED).singleElement().satisfies(st -> {
      assertThat(st.path()).hasToString("/var/tmp");
      assertThat(st.reason()).startsWith("not planned: 20 more paths");
    });
  }

  @Test
  void removerOfSeesADirectoryStepAboveThePathWhateverThePlanSize() {
    for (int i = 0; i < 5000; i++) {
      files.file("/var/tmp/f" + i, "x");
    }
    files.file("/var/lib/cloud/instances/i-1/user-data", "x");
    CleanupPlan plan = plan(entry("var-tmp-files", ActionKind.EMPTY_DIR, 50, "/var/tmp"),
        entry("cloud-init-state", ActionKind.EMPTY_DIR, 60, "/var/lib/cloud"));
    assertThat(plan.removerOf(ImagePath.of("/var/lib/cloud/instances/i-1/user-data"))).contains("cloud-init-state");
    assertThat(plan.removerOf(ImagePath.of("/var/tmp/f4999"))).contains("var-tmp-files");
    assertThat(plan.removerOf(ImagePath.of("/var/lib/dpkg/status"))).isEmpty();
  }

  @Test
  void clearPasswordPlansOnlyFilesWithAClearTextPasswordAndRefusesWhatItCannotEdit() {
    String launch = "{\"adminPasswordType\": \"Specify\", \"adminPassword\": \"Sup3r-S3cret!\"}";
    files.file("/launch/a/LaunchConfig.json", launch)
        .file("/launch/b/LaunchConfig.json", "{\"adminPasswordType\": \"Random\"}")
        .file("/launch/c/LaunchConfig.json", "{ not json")
        .file("/launch/d/LaunchConfig.json", launch, 2)
        .symlink("/launch/e/LaunchConfig.json", "/launch/a/LaunchConfig.json");
    Map<String, PlannedStep> steps = byPath(plan(entry("launch-password", ActionKind.CLEAR_PASSWORD, 10,
        "/launch/*/LaunchConfig.json")));

    assertThat(steps).as("b has no clear-text password: nothing to do").doesNotContainKey("/launch/b/LaunchConfig.json");
    PlannedStep a = steps.get("/launch/a/LaunchConfig.json");
    assertThat(a.status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(a.action()).isEqualTo(ActionKind.CLEAR_PASSWORD);
    assertThat(a.reason()).isEqualTo("blanks 1 clear-text administrator password(s) and sets the password type to random");
    assertThat(steps.get("/launch/c/LaunchConfig.json").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/launch/c/LaunchConfig.json").reason()).startsWith("not changed: ");
    assertThat(steps.get("/launch/d/LaunchConfig.json").reason()).contains("2 hard links");
    assertThat(steps.get("/launch/e/LaunchConfig.json").reason()).isEqualTo("symlink: not followed, so nothing is edited");
  }

  @Test
  void everyKindHasItsOwnPlanningClassNamedAfterIt() {
    java.util.Set<Class<?>> classes = new java.util.HashSet<>();
    for (ActionKind kind : ActionKind.values()) {
      String camel = java.util.Arrays.stream(kind.name().split("_"))
          .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining());
      assertThat(kind.planning().getClass().getSimpleName()).as(kind.key()).isEqualTo(camel + "Planning");
      classes.add(kind.planning().getClass());
    }
    assertThat(classes).as("one class per kind").hasSize(ActionKind.values().length);
  }
}
