package dev.imageprep.agent.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.rules.host.GroupEntry;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.host.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers of the Linux data sources, fed with samples in each source's real format. */
class LinuxParsersTest {

  @Test
  void dpkgStatusCountsOnlyInstalledPackages() {
    String status = """
        Package: openssh-server
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Version: 1:9.2p1-2+deb12u5
        Conffiles:
         /etc/pam.d/sshd 8b4c7a12b031424b2a9946881da59812
         /etc/ssh/moduli 366395e79244c54223455e5f83dafba3 obsolete
         /etc/ufw/applications.d/openssh-server newconffile
        Description: secure shell (SSH) server
         multi-line description

        Package: cloud-init
        Status: deinstall ok config-files
        Version: 22.4.2-1

        Package: sudo
        Status: hold ok installed
        Architecture: amd64
        Version: 1.9.13p3-1+deb12u1
        """;
    DpkgDatabase.Status parsed = DpkgDatabase.parse(status);
    assertThat(parsed.installed()).containsExactly(
        new InstalledPackage("openssh-server", "1:9.2p1-2+deb12u5", "amd64"),
        new InstalledPackage("sudo", "1.9.13p3-1+deb12u1", "amd64"));
    assertThat(parsed.conffiles()).containsExactly(
        new DpkgDatabase.Conffile("openssh-server", "/etc/pam.d/sshd", "8b4c7a12b031424b2a9946881da59812"),
        new DpkgDatabase.Conffile("openssh-server", "/etc/ssh/moduli", "366395e79244c54223455e5f83dafba3"),
        new DpkgDatabase.Conffile("openssh-server", "/etc/ufw/applications.d/openssh-server", null));
  }

  @Test
  void rpmQueryFormat() {
    assertThat(RpmDatabase.parsePackages("P\tcloud-init\t22.2.2-1.amzn2023.0.3\tnoarch\t8\n"
        + "F\t/usr/bin/cloud-init\t3f0a\t0\t0\nP\tkernel\t6.1.0-1\tx86_64\t8\n\n"))
        .containsExactly(new InstalledPackage("cloud-init", "22.2.2-1.amzn2023.0.3", "noarch"),
            new InstalledPackage("kernel", "6.1.0-1", "x86_64"));
  }

  @Test
  void mountinfoMergesPerMountAndSuperblockOptions() {
    String info = """
        22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
        30 22 0:27 / /tmp rw,nosuid,nodev,noexec shared:5 - tmpfs tmpfs rw,size=1024k
        31 22 0:28 / /mnt/my\\040disk rw master:2 - ext4 /dev/vdb rw,errors=remount-ro
        """;
    List<MountEntry> mounts = LinuxMounts.parseMountinfo(info);
    assertThat(mounts).hasSize(3);
    assertThat(mounts.get(1).mountPoint()).hasToString("/tmp");
    assertThat(mounts.get(1).options()).contains("noexec", "size=1024k");
    assertThat(mounts.get(2).mountPoint()).hasToString("/mnt/my disk");
    assertThat(mounts.get(2).options()).contains("errors=remount-ro");
  }

  @Test
  void fstabSkipsSwapAndComments() {
    String fstab = """
        # /etc/fstab
        UUID=0a1b /    ext4  defaults,noatime 0 1
        tmpfs     /tmp tmpfs defaults,noexec,nosuid 0 0
        /swapfile none swap sw 0 0
        """;
    List<MountEntry> mounts = LinuxMounts.parseFstab(fstab);
    assertThat(mounts).extracting(m -> m.mountPoint().toString()).containsExactly("/", "/tmp");
    assertThat(mounts.get(1).hasOption("noexec")).isTrue();
    assertThat(mounts.get(1).origin()).isEqualTo("fstab");
  }

  @Test
  void mountUnits() {
    String unit = "[Unit]\nDescription=Temporary Directory\n[Mount]\nWhat=tmpfs\nWhere=/tmp\nType=tmpfs\n"
        + "Options=mode=1777,strictatime,nosuid,nodev,noexec\n";
    assertThat(LinuxMounts.SystemdMount.parse(unit)).hasValueSatisfying(m -> {
      assertThat(m.mountPoint()).hasToString("/tmp");
      assertThat(m.hasOption("noexec")).isTrue();
    });
  }

  @Test
  void passwdAndGroup() {
    assertThat(LinuxAccounts.parsePasswd("root:x:0:0:root:/root:/bin/bash\n"
        + "ec2-user:x:1000:1000:EC2 Default User:/home/ec2-user:/bin/bash\nbroken line\n"
        + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"))
        .extracting(UserAccount::name, UserAccount::hasLoginShell)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("root", true),
            org.assertj.core.groups.Tuple.tuple("ec2-user", true), org.assertj.core.groups.Tuple.tuple("nobody", false));
    assertThat(LinuxAccounts.parseGroup("sudo:x:27:admin,alice\nwheel:x:10:\n"))
        .containsExactly(new GroupEntry("sudo", 27, List.of("admin", "alice")), new GroupEntry("wheel", 10, List.of()));
  }

  @Test
  void sudoersContinuationLinesKeepNumbering() {
    String[] lines = LinuxAccounts.joinContinuations("a \\\n b\nc\n");
    assertThat(lines[0]).isEqualTo("a   b");
    assertThat(lines[1]).isEmpty();
    assertThat(lines[2]).isEqualTo("c");
  }

  @Test
  void osRelease() {
    OsRelease al = OsReleaseFile.parse("NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nID_LIKE=\"fedora\"\n"
        + "VERSION_ID=\"2023\"\nPRETTY_NAME=\"Amazon Linux 2023.6.20241212\"\n");
    assertThat(al.id()).isEqualTo("amzn");
    assertThat(al.is("fedora")).isTrue();
    assertThat(al.prettyName()).isEqualTo("Amazon Linux 2023.6.20241212");
    assertThat(OsReleaseFile.parse("ID=ubuntu\nID_LIKE=debian\n").is("debian")).isTrue();
  }

  @Test
  void yumCheckUpdateExitCodes() {
    String out = """

        kernel.x86_64                    5.10.230-223.885.amzn2       amzn2extra-kernel-5.10
        openssl-libs.x86_64              1:1.0.2k-24.amzn2.0.14       amzn2-core
        Obsoleting Packages
        grub2.x86_64                     1:2.06-61.amzn2.0.9          amzn2-core
        """;
    PendingUpdates u = LinuxUpdates.fromCheckUpdate("yum check-update", new CommandRunner.Result(100, out, "")).value();
    assertThat(u.packages()).containsExactly("kernel.x86_64 5.10.230-223.885.amzn2", "openssl-libs.x86_64 1:1.0.2k-24.amzn2.0.14");
    assertThat(LinuxUpdates.fromCheckUpdate("yum check-update", new CommandRunner.Result(0, "", "")).value().packages())
        .isEmpty();
    assertThat(LinuxUpdates.fromCheckUpdate("yum check-update", new CommandRunner.Result(1, "", "")).isKnown())
        .as("1 is an error, never 'no updates'").isFalse();
  }

  @Test
  void aptSimulation() {
    String out = "Reading package lists...\nInst openssl [3.0.15-1~deb12u1] (3.0.16-1~deb12u1 Debian-Security:12/stable-security [amd64])\n"
        + "Conf openssl (3.0.16-1~deb12u1 Debian-Security:12/stable-security [amd64])\n";
    assertThat(LinuxUpdates.parseAptSimulation(out)).containsExactly("openssl");
  }
}
