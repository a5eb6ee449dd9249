package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb in a real Debian 12 root (testing/debian-root.sh: debootstrap with openssh-server, sudo and
 * cloud-init, and no Java at all), driven with chroot: install, run, revoke a WorkSpaces-style admin's
 * rights the way the boot unit does, check sudo still parses and root keeps its rights, purge.
 */
@Tag("debootstrap")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebInstallIT {

  private static final String ADMIN = "wsadmin";
  private static Path root;
  private static boolean procMounted;

  @BeforeAll
  static void debianRoot() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and dpkg need root");
    root = Files.createTempDirectory("imageprep-deb-it").resolve("root");
    Command copy = Command.run(List.of("bash", Build.REPO.resolve("testing/debian-root.sh").toString(),
        root.toString()));
    assertThat(copy.exitCode()).as(copy.toString()).isZero();
    assertThat(root.resolve("usr/bin/java")).doesNotExist();
    Files.copy(Build.DEB, root.resolve("tmp/imageprep.deb"));
    // A booted system has /proc; the runtime's binaries find their libraries through $ORIGIN, which
    // the dynamic loader reads from /proc/self/exe.
    Command proc = Command.run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()));
    assertThat(proc.exitCode()).as(proc.toString()).isZero();
    procMounted = true;
  }

  @AfterAll
  static void removeRoot() throws Exception {
    if (procMounted) {
      Command.run(List.of("umount", root.resolve("proc").toString()));
    }
    if (root != null && !isMountPoint(root.resolve("proc"))) {
      Command.run(List.of("rm", "-rf", "--one-file-system", root.getParent().toString()));
    }
  }

  private static boolean isMountPoint(Path dir) throws IOException, InterruptedException {
    return Command.run(List.of("mountpoint", "-q", dir.toString())).exitCode() == 0;
  }

  private static Command chroot(String... command) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of("chroot", root.toString()));
    c.addAll(List.of(command));
    return Command.run(c);
  }

  @Test
  @Order(1)
  void installsWithDpkgAndRunsWithoutAJdk() throws Exception {
    Command install = chroot("dpkg", "-i", "/tmp/imageprep.deb");
    assertThat(install.exitCode()).as(install.toString()).isZero();

    Command version = chroot("imageprep", "--version");

    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.output()).startsWith("imageprep " + Build.VERSION + "\n");
    assertThat(chroot("imageprep", "sudo", "revoke", "--help").output()).contains("--dry-run");
    if (Files.exists(Build.APP.resolve("lib/app/imageprep.classlist"))) { // a JDK 17 build
      assertThat(root.resolve("opt/imageprep/lib/app/imageprep.jsa")).as("AppCDS archive made by postinst")
          .isNotEmptyFile();
      Command shared = chroot("env", "IMAGEPREP_JAVA_OPTIONS=-Xshare:on", "imageprep", "--version");
      assertThat(shared.exitCode()).as("the archive maps: " + shared).isZero();
    }
    assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/imageprep-sudo-revoke.service"))
        .as("installed disabled").doesNotExist();
  }

  @Test
  @Order(2)
  void systemdAcceptsTheRevokeUnitAsInstalled() throws Exception {
    // --root: ExecStart's /usr/bin/imageprep and the targets it names are looked up in the image;
    // MANPATH lets the Documentation= check find the image's man page
    Command verify = Command.run(List.of("env", "MANPATH=" + root.resolve("usr/share/man"), "systemd-analyze",
        "verify", "--root=" + root, "/lib/systemd/system/imageprep-sudo-revoke.service"));

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.output()).as(verify.toString()).doesNotContain("imageprep-sudo-revoke");
  }

  @Test
  @Order(3)
  void checksTheSystemItRunsOn() throws Exception {
    Command check = chroot("imageprep", "check", "--profile", "ec2-linux", "--state-dir", "/tmp/imageprep-state",
        "--format", "json", "--output", "/tmp/report.json");

    assertThat(check.exitCode()).as(check.toString()).isIn(0, 1); // not ready is a verdict, not a failure
    assertThat(Files.readString(root.resolve("tmp/report.json"))).contains("\"schema\" : \"imageprep/report/v2\"",
        "root-volume-usage");
  }

  @Test
  @Order(4)
  void revokesAWorkSpacesStyleAdminAndKeepsRoot() throws Exception {
    assertThat(chroot("useradd", "-m", "-u", "1001", "-s", "/bin/bash", ADMIN).exitCode()).isZero();
    assertThat(chroot("gpasswd", "-a", ADMIN, "sudo").exitCode()).isZero();
    Path dropIn = root.resolve("etc/sudoers.d/01-ws-admin-user");
    Files.writeString(dropIn, ADMIN + " ALL=(ALL:ALL) NOPASSWD: ALL\n");
    Files.setPosixFilePermissions(dropIn, PosixFilePermissions.fromString("r--r-----"));
    assertThat(chroot("sudo", "-l", "-U", ADMIN).output()).contains("NOPASSWD: ALL");

    Command revoke = chroot("imageprep", "sudo", "revoke", "--yes"); // what the boot unit runs

    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(revoke.output()).contains("removed " + ADMIN + " from group sudo (/etc/group)",
        "removed /etc/sudoers.d/01-ws-admin-user");
    Command visudo = chroot("visudo", "-c");
    assertThat(visudo.exitCode()).as(visudo.toString()).isZero();
    assertThat(chroot("sudo", "-l", "-U", ADMIN).output()).contains("User " + ADMIN + " is not allowed to run sudo");
    assertThat(chroot("sudo", "-l", "-U", "root").output()).contains("(ALL : ALL) ALL");
    assertThat(chroot("id", "-nG", ADMIN).output()).doesNotContain("sudo");
    assertThat(root.resolve("etc/group.lock")).doesNotExist();

    Command again = chroot("imageprep", "sudo", "revoke", "--yes");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.output()).contains("Nothing to revoke for " + ADMIN);
  }

  @Test
  @Order(5)
  void revokesFromOutsideWithRootToo() throws Exception {
    assertThat(chroot("gpasswd", "-a", ADMIN, "sudo").exitCode()).isZero();
    Path ops = root.resolve("etc/sudoers.d/ops");
    Files.writeString(ops, "carol, " + ADMIN + " ALL=(ALL) /usr/bin/systemctl\n");
    Files.setPosixFilePermissions(ops, PosixFilePermissions.fromString("r--r-----")); // visudo insists

    Command revoke = Command.run(List.of(Build.APP.resolve("bin/imageprep").toString(), "sudo", "revoke", "--root",
        root.toString(), "--user", ADMIN, "--yes"));

    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(Files.readString(ops)).isEqualTo("carol ALL=(ALL) /usr/bin/systemctl\n");
    assertThat(chroot("visudo", "-c").exitCode()).isZero();
    assertThat(chroot("id", "-nG", ADMIN).output()).doesNotContain("sudo");
  }

  @Test
  @Order(6)
  void purgesCleanly() throws Exception {
    Command purge = chroot("dpkg", "-P", "imageprep");

    assertThat(purge.exitCode()).as(purge.toString()).isZero();
    assertThat(root.resolve("opt/imageprep")).doesNotExist();
    assertThat(root.resolve("usr/bin/imageprep")).doesNotExist();
    assertThat(root.resolve("etc/imageprep")).doesNotExist();
  }
}
