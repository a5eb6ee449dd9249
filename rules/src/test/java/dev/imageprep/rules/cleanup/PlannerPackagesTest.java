package dev.imageprep.rules.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.testing.MemoryImageFiles;
import dev.imageprep.rules.testing.MemoryPackageFiles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What packages own stays unless an item names that very path, what an item keeps stays, and a path
 * two items reach is planned — and counted — once.
 */
class PlannerPackagesTest {

  private final MemoryImageFiles files = new MemoryImageFiles();
  private final MemoryPackageFiles packages = new MemoryPackageFiles();

  private static CleanupEntry entry(String id, ActionKind action, int order, String... paths) {
    return new CleanupEntry(id, id, action, List.of(paths).stream().map(Glob::parse).toList(), true, order, "", "",
        "test", "test:1");
  }

  private static CleanupEntry keeping(CleanupEntry e, String path, String reason) {
    return new CleanupEntry(e.id(), e.title(), e.action(), e.paths(), true, e.order(), "", "", "test", "test:1",
        List.of(new CleanupEntry.Keep(ImagePath.of(path), reason)), List.of());
  }

  private CleanupPlan plan(CleanupEntry... entries) {
    return new Planner(files, List.of(), List.of(), Fact.known(packages)).plan(List.of(entries));
  }

  private static Map<String, PlannedStep> byPath(CleanupPlan plan) {
    return plan.steps().stream().collect(Collectors.toMap(s -> s.path().toString(), s -> s, (a, b) -> a));
  }

  /** A Debian /var/cache: apt's folders are dpkg's, debconf's database is not a cache. */
  private void debianCache() {
    files.file("/var/cache/apt/archives/bash_5.2_amd64.deb", "d".repeat(100))
        .file("/var/cache/apt/archives/lock", "")
        .dir("/var/cache/apt/archives/partial")
        .file("/var/cache/apt/pkgcache.bin", "b".repeat(10))
        .file("/var/cache/ldconfig/aux-cache", "a".repeat(5))
        .file("/var/cache/debconf/config.dat", "Name: x")
        .file("/var/cache/debconf/passwords.dat", "Name: y")
        .file("/var/cache/man/index.db", "m".repeat(7));
    packages.own("apt", "/var/cache/apt/archives/partial").own("libc-bin", "/var/cache/ldconfig")
        .own("debconf", "/var/cache/debconf");
  }

  @Test
  void emptiesPackageOwnedFoldersInsteadOfRemovingThem() {
    debianCache();
    Map<String, PlannedStep> steps = byPath(plan(entry("var-cache", ActionKind.EMPTY_DIR, 50, "/var/cache")));

    assertThat(steps.get("/var/cache/apt").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/var/cache/apt").reason()).startsWith("package-owned (apt): the directory stays");
    assertThat(steps.get("/var/cache/apt/archives/partial").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/var/cache/ldconfig").reason()).startsWith("package-owned (libc-bin)");
    for (String removed : List.of("/var/cache/apt/archives/bash_5.2_amd64.deb", "/var/cache/apt/archives/lock",
        "/var/cache/apt/pkgcache.bin", "/var/cache/ldconfig/aux-cache", "/var/cache/man")) {
      assertThat(steps.get(removed).status()).as(removed).isEqualTo(CleanupStatus.PLANNED);
    }
    assertThat(steps.get("/var/cache/man").bytes()).as("not package-owned: removed whole").isEqualTo(7);
  }

  @Test
  void anItemCanKeepADatabaseThatLivesInACacheFolder() {
    debianCache();
    CleanupPlan plan = plan(keeping(entry("var-cache", ActionKind.EMPTY_DIR, 50, "/var/cache"),
        "/var/cache/debconf", "debconf's database, not a cache"));
    Map<String, PlannedStep> steps = byPath(plan);

    assertThat(steps.get("/var/cache/debconf").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/var/cache/debconf").reason()).isEqualTo("kept: debconf's database, not a cache");
    assertThat(steps).doesNotContainKeys("/var/cache/debconf/config.dat", "/var/cache/debconf/passwords.dat");
  }

  @Test
  void aPackageOwnedFileGoesOnlyWhenAnItemNamesThatVeryPath() {
    files.file("/etc/security/access.conf", "+:ALL:ALL").file("/etc/security/limits.conf", "*")
        .file("/etc/sudoers.d/README", "#").file("/etc/sudoers.d/01-admin", "admin ALL=(ALL) ALL");
    packages.own("libpam-modules", "/etc/security/access.conf", "/etc/security/limits.conf")
        .own("sudo", "/etc/sudoers.d/README");
    Map<String, PlannedStep> steps = byPath(plan(entry("access", ActionKind.REMOVE, 50, "/etc/security/access.conf"),
        entry("pam-files", ActionKind.REMOVE, 50, "/etc/security/*.conf"),
        entry("sudoers-dropins", ActionKind.EMPTY_DIR, 50, "/etc/sudoers.d")));

    assertThat(steps.get("/etc/security/access.conf").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/etc/security/access.conf").reason()).isEqualTo("package-owned (libpam-modules): named by"
        + " this item");
    assertThat(steps.get("/etc/security/limits.conf").status()).as("a pattern does not name it")
        .isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/etc/security/limits.conf").reason()).startsWith("package-owned (libpam-modules)");
    assertThat(steps.get("/etc/sudoers.d/README").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/etc/sudoers.d/01-admin").status()).isEqualTo(CleanupStatus.PLANNED);
  }

  @Test
  void aNamedDirectoryThatStillHoldsPackageFilesKeepsThem() {
    files.file("/opt/chef/bin/chef-client", "#!").file("/opt/chef/cache/run.json", "{}");
    packages.own("chef", "/opt/chef/bin/chef-client");
    Map<String, PlannedStep> steps = byPath(plan(entry("chef-files", ActionKind.REMOVE, 50, "/opt/chef")));

    assertThat(steps.get("/opt/chef").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/opt/chef").reason()).startsWith("kept: it holds package-owned files");
    assertThat(steps.get("/opt/chef/bin/chef-client").status()).isEqualTo(CleanupStatus.SKIPPED);
    assertThat(steps.get("/opt/chef/cache").status()).isEqualTo(CleanupStatus.PLANNED);
  }

  @Test
  void keysAPackageShipsAreNotShreddedByAPattern() {
    files.file("/etc/ssh/ssh_host_rsa_key", "generated").file("/etc/ssl/private/vendor.key", "shipped");
    packages.own("vendor-certs", "/etc/ssl/private/vendor.key");
    Map<String, PlannedStep> steps = byPath(plan(entry("keys", ActionKind.SHRED, 10, "/etc/ssh/ssh_host_*_key",
        "/etc/ssl/private/*.key")));
    assertThat(steps.get("/etc/ssh/ssh_host_rsa_key").status()).isEqualTo(CleanupStatus.PLANNED);
    assertThat(steps.get("/etc/ssl/private/vendor.key").status()).isEqualTo(CleanupStatus.SKIPPED);
  }

  @Test
  void overlappingItemsArePlannedAndCountedOnce() {
    debianCache();
    CleanupPlan plan = plan(entry("package-caches", ActionKind.REMOVE, 50, "/var/cache/apt/archives/*.deb"),
        keeping(entry("var-cache", ActionKind.EMPTY_DIR, 50, "/var/cache"), "/var/cache/debconf", "database"));

    List<PlannedStep> debs = plan.steps().stream().filter(s -> s.path().toString().endsWith(".deb")).toList();
    assertThat(debs).extracting(PlannedStep::id, PlannedStep::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("package-caches", CleanupStatus.PLANNED),
        org.assertj.core.groups.Tuple.tuple("var-cache", CleanupStatus.SKIPPED));
    assertThat(debs.get(1).reason()).isEqualTo("already planned by package-caches");
    // 100 (deb) + 0 (lock) + 10 (pkgcache.bin) + 5 (aux-cache) + 7 (man): every byte once
    assertThat(plan.plannedBytes()).isEqualTo(122);
  }

  @Test
  void aDirectoryRemovedAfterSomeOfItsFilesCountsOnlyTheRest() {
    files.file("/var/log/app/old.log", "o".repeat(40)).file("/var/log/app/current.log", "c".repeat(60));
    CleanupPlan plan = plan(entry("app-log", ActionKind.TRUNCATE, 10, "/var/log/app/current.log"),
        entry("app-logs", ActionKind.REMOVE, 50, "/var/log/app"));
    assertThat(plan.steps()).extracting(s -> s.path().toString(), PlannedStep::bytes).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/var/log/app/current.log", 60L),
        org.assertj.core.groups.Tuple.tuple("/var/log/app", 40L));
    assertThat(plan.plannedBytes()).isEqualTo(100);
  }

  @Test
  void aPathInsideADirectoryAnEarlierItemRemovesSaysSo() {
    files.file("/var/lib/cloud/instance/boot-finished", "x");
    Map<String, PlannedStep> steps = byPath(plan(entry("cloud-state", ActionKind.REMOVE, 10, "/var/lib/cloud/instance"),
        entry("boot-marker", ActionKind.REMOVE, 50, "/var/lib/cloud/instance/boot-finished")));
    assertThat(steps.get("/var/lib/cloud/instance/boot-finished").reason())
        .isEqualTo("already planned by cloud-state (it removes /var/lib/cloud/instance)");
  }

  @Test
  void withoutThePackageDatabaseNothingIsRemovedButLogsAreStillEmptied() {
    files.file("/tmp/x", "1").file("/var/log/wtmp", "records");
    CleanupPlan plan = new Planner(files, List.of(), List.of(), Fact.<PackageFiles>unknown("rpm is not installed"))
        .plan(List.of(entry("tmp-files", ActionKind.EMPTY_DIR, 50, "/tmp"),
            entry("login-records", ActionKind.TRUNCATE, 50, "/var/log/wtmp")));
    Map<String, PlannedStep> steps = byPath(plan);
    assertThat(steps.get("/tmp/x").status()).isEqualTo(CleanupStatus.FAILED);
    assertThat(steps.get("/tmp/x").reason()).contains("could not tell whether a package owns it: rpm is not installed");
    assertThat(steps.get("/var/log/wtmp").status()).isEqualTo(CleanupStatus.PLANNED);
  }
}
