package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The .deb in a real Debian 12 root (testing/debian-root.sh: debootstrap with openssh-server, sudo and
 * cloud-init, and no Java at all), driven with chroot: install, run, revoke a WorkSpaces-style admin's
 * rights the way the boot unit does, check sudo still parses and root keeps its rights, purge.
 *
 * <p>Each test stands alone: the Debian 12 root with the package installed is made once and verified
 * in {@link #installOnce()} (a failure there is reported once, not as a cascade), read-only tests look
 * at it, and every test that changes something works on its own copy.
 */
@Tag("debootstrap")
class DebInstallIT {

  private static DebianChroot installed;

  @BeforeAll
  static void installOnce() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and dpkg need root");
    installed = DebianChroot.of("bookworm");
    installed.installDeb();
  }

  @AfterAll
  static void removeRoot() throws Exception {
    if (installed != null) {
      installed.close();
    }
  }

  /** The installed root, copied for a test that changes it. */
  private static DebianChroot copy() throws Exception {
    return DebianChroot.copyOf(installed);
  }

  @Test
  void installsWithDpkgAndRunsWithoutAJdkFromItsAotCache() throws Exception {
    assertThat(installed.chroot("dpkg-query", "-W", "-f", "${Status}", "imageprep").output())
        .isEqualTo("install ok installed");
    assertThat(installed.path("usr/bin/java")).doesNotExist();

    Command version = installed.chroot("imageprep", "--version");

    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.output()).startsWith("imageprep " + Build.VERSION + "\n");
    // AOTMode=on: the JVM exits rather than start without the cache (a jar moved, other options)
    Command cached = installed.chroot("env", "IMAGEPREP_JAVA_OPTIONS=-XX:AOTMode=on", "imageprep", "--version");
    assertThat(cached.exitCode()).as("the AOT cache maps where the package put it: " + cached).isZero();
    assertThat(installed.chroot("imageprep", "sudo", "revoke", "--help").output()).contains("--dry-run");
    assertThat(installed.path("etc/systemd/system/multi-user.target.wants/imageprep-sudo-revoke.service"))
        .as("installed disabled").doesNotExist();
  }

  @Test
  void systemdAcceptsTheRevokeUnitAsInstalled() throws Exception {
    // --root: ExecStart's /usr/bin/imageprep and the targets it names are looked up in the image;
    // MANPATH lets the Documentation= check find the image's man page
    Command verify = Command.run(List.of("env", "MANPATH=" + installed.path("usr/share/man"), "systemd-analyze",
        "verify", "--root=" + installed.root(), "/lib/systemd/system/imageprep-sudo-revoke.service"));

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.output()).as(verify.toString()).doesNotContain("imageprep-sudo-revoke");
  }

  @Test
  void checksTheSystemItRunsOn() throws Exception {
    try (DebianChroot debian = copy()) {
      assertChecks(debian);
    }
  }

  /** {@code check} of the system the package is installed on ends in a verdict and a JSON report. */
  static void assertChecks(DebianChroot debian) throws Exception {
    Command check = debian.chroot("imageprep", "check", "--profile", "ec2-linux", "--state-dir",
        "/tmp/imageprep-state", "--format", "json", "--output", "/tmp/report.json");

    assertThat(check.exitCode()).as(check.toString()).isIn(0, 1); // not ready is a verdict, not a failure
    assertThat(Files.readString(debian.path("tmp/report.json"))).contains("\"schema\" : \"imageprep/report/v2\"",
        "root-volume-usage");
  }

  @Test
  void revokesAWorkSpacesStyleAdminAndKeepsRoot() throws Exception {
    try (DebianChroot debian = copy()) {
      String admin = "wsadmin";
      assertThat(debian.chroot("useradd", "-m", "-u", "1001", "-s", "/bin/bash", admin).exitCode()).isZero();
      assertThat(debian.chroot("gpasswd", "-a", admin, "sudo").exitCode()).isZero();
      Path dropIn = debian.path("etc/sudoers.d/01-ws-admin-user");
      Files.writeString(dropIn, admin + " ALL=(ALL:ALL) NOPASSWD: ALL\n");
      Files.setPosixFilePermissions(dropIn, PosixFilePermissions.fromString("r--r-----"));
      assertThat(debian.chroot("sudo", "-l", "-U", admin).output()).contains("NOPASSWD: ALL");

      Command revoke = debian.chroot("imageprep", "sudo", "revoke", "--yes"); // what the boot unit runs

      assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
      assertThat(revoke.output()).contains("removed " + admin + " from group sudo (/etc/group)",
          "removed /etc/sudoers.d/01-ws-admin-user");
      Command visudo = debian.chroot("visudo", "-c");
      assertThat(visudo.exitCode()).as(visudo.toString()).isZero();
      assertThat(debian.chroot("sudo", "-l", "-U", admin).output())
          .contains("User " + admin + " is not allowed to run sudo");
      assertThat(debian.chroot("sudo", "-l", "-U", "root").output()).contains("(ALL : ALL) ALL");
      assertThat(debian.chroot("id", "-nG", admin).output()).doesNotContain("sudo");
      assertThat(debian.path("etc/group.lock")).doesNotExist();

      Command again = debian.chroot("imageprep", "sudo", "revoke", "--yes");
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(again.output()).contains("Nothing to revoke for " + admin);
    }
  }

  @Test
  void revokesFromOutsideWithRootToo() throws Exception {
    try (DebianChroot debian = copy()) {
      String admin = "opsadmin";
      assertThat(debian.chroot("useradd", "-m", "-u", "1002", "-s", "/bin/bash", admin).exitCode()).isZero();
      assertThat(debian.chroot("gpasswd", "-a", admin, "sudo").exitCode()).isZero();
      Path ops = debian.path("etc/sudoers.d/ops");
      Files.writeString(ops, "carol, " + admin + " ALL=(ALL) /usr/bin/systemctl\n");
      Files.setPosixFilePermissions(ops, PosixFilePermissions.fromString("r--r-----")); // visudo insists

      Command revoke = Command.run(List.of(Build.APP.resolve("bin/imageprep").toString(), "sudo", "revoke", "--root",
          debian.root().toString(), "--user", admin, "--yes"));

      assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
      assertThat(Files.readString(ops)).isEqualTo("carol ALL=(ALL) /usr/bin/systemctl\n");
      assertThat(debian.chroot("visudo", "-c").exitCode()).isZero();
      assertThat(debian.chroot("id", "-nG", admin).output()).doesNotContain("sudo");
    }
  }

  @Test
  void purgesCleanly() throws Exception {
    try (DebianChroot debian = copy()) {
      Command purge = debian.chroot("dpkg", "-P", "imageprep");

      assertThat(purge.exitCode()).as(purge.toString()).isZero();
      assertThat(debian.path("opt/imageprep")).doesNotExist();
      assertThat(debian.path("usr/bin/imageprep")).doesNotExist();
      assertThat(debian.path("etc/imageprep")).doesNotExist();
    }
  }
}
