package dev.imageprep.agent.probe.linux;

import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SudoersRule;
import dev.imageprep.rules.host.UnitInfo;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Probes reading image trees (jimfs), through the same RootedFiles path production uses. */
class LinuxProbesOnTreesTest {

  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
  private final Path root;

  LinuxProbesOnTreesTest() throws IOException {
    root = Files.createDirectories(fs.getPath("/image"));
  }

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  @Test
  void systemdUnitStatesFromFilesAndLinks() throws IOException {
    write(root, "/usr/lib/systemd/system/ssh.service", "[Service]\nExecStartPre=/usr/sbin/sshd -t\nExecStart=/usr/sbin/sshd -D\n[Install]\nWantedBy=multi-user.target\n");
    write(root, "/lib/systemd/system/cloud-init.service", "[Service]\nExecStart=/usr/bin/cloud-init init\n[Install]\nWantedBy=cloud-init.target\n");
    write(root, "/lib/systemd/system/systemd-journald.service", "[Service]\nExecStart=/lib/systemd/systemd-journald\n");
    write(root, "/lib/systemd/system/sshd-keygen@.service", "[Service]\nExecStart=/usr/libexec/openssh/sshd-keygen %i\n");
    write(root, "/lib/systemd/system/apt-daily.timer", "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n");
    link(root, "/etc/systemd/system/multi-user.target.wants/ssh.service", "/usr/lib/systemd/system/ssh.service");
    link(root, "/etc/systemd/system/apt-daily.timer", "/dev/null");
    write(root, "/etc/systemd/system/ssh.service.d/override.conf", "[Service]\nExecStartPost=/usr/local/bin/notify\n");
    write(root, "/lib/systemd/system/ssh.service", "[Service]\nExecStart=/bin/false\n"); // lower precedence

    SystemdUnits units = new SystemdUnits(new RootedFiles(root), true);
    Map<String, UnitInfo> byName = units.units().value().stream().collect(Collectors.toMap(UnitInfo::name, u -> u));

    assertThat(byName.get("ssh.service").state()).isEqualTo("enabled");
    assertThat(byName.get("ssh.service").fragment()).hasToString("/usr/lib/systemd/system/ssh.service");
    assertThat(byName.get("ssh.service").execCommands()).contains("/usr/sbin/sshd -D");
    assertThat(byName.get("cloud-init.service").state()).isEqualTo("disabled");
    assertThat(byName.get("systemd-journald.service").state()).isEqualTo("static");
    assertThat(byName.get("apt-daily.timer").state()).isEqualTo("masked");
    assertThat(units.unit("sshd-keygen@rsa.service").value()).as("instances find their template").isPresent();
    assertThat(units.unit("pcoip-agent.service").value()).isEmpty();
  }

  @Test
  void sudoersFollowsIncludesAndSkipsWhatSudoSkips() throws IOException {
    write(root, "/etc/sudoers", "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n");
    write(root, "/etc/sudoers.d/01-workspaces", "# WorkSpaces admin\nalice ALL=(ALL) NOPASSWD:ALL\n");
    write(root, "/etc/sudoers.d/README", "# no rules here\n");
    write(root, "/etc/sudoers.d/old.rpmsave", "mallory ALL=(ALL) ALL\n");
    write(root, "/etc/sudoers.d/backup~", "eve ALL=(ALL) ALL\n");

    List<SudoersRule> rules = new LinuxAccounts(new RootedFiles(root)).sudoers().value();
    assertThat(rules).extracting(SudoersRule::principal).containsExactly("root", "%sudo", "alice");
    assertThat(rules.get(2).file()).isEqualTo(ImagePath.of("/etc/sudoers.d/01-workspaces"));
    assertThat(rules.get(2).line()).isEqualTo(2);
  }

  @Test
  void mountsOfAnImageComeFromItsFstabAndEnabledMountUnits() throws IOException {
    write(root, "/etc/fstab", "UUID=1 / ext4 defaults 0 1\n");
    write(root, "/usr/lib/systemd/system/tmp.mount", "[Mount]\nWhat=tmpfs\nWhere=/tmp\nType=tmpfs\nOptions=mode=1777,noexec\n[Install]\nWantedBy=local-fs.target\n");
    RootedFiles files = new RootedFiles(root);
    LinuxMounts mounts = new LinuxMounts(files, true, new SystemdUnits(files, true));
    assertThat(mounts.mounts().value()).extracting(m -> m.mountPoint().toString()).containsExactly("/");
    link(root, "/etc/systemd/system/local-fs.target.wants/tmp.mount", "/usr/lib/systemd/system/tmp.mount");
    mounts = new LinuxMounts(files, true, new SystemdUnits(files, true));
    assertThat(mounts.mounts().value()).extracting(m -> m.mountPoint().toString()).containsExactly("/", "/tmp");
  }

  @Test
  void packageOwnedPathsUnderADirectory() throws IOException {
    write(root, "/var/lib/dpkg/status", "Package: app\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n");
    write(root, "/var/lib/dpkg/info/app.list", "/.\n/home\n/home/app\n/home/app/bin/app\n/usr/share/doc/app\n");
    LinuxPackages packages = new LinuxPackages(new RootedFiles(root), (cmd, t) -> java.util.Optional.empty());
    assertThat(packages.installed().value().managers()).containsExactly("dpkg");
    assertThat(packages.ownedPathsUnder(ImagePath.of("/home")).value()).extracting(ImagePath::toString)
        .containsExactly("/home/app", "/home/app/bin/app");
  }

  @Test
  void anRpmDatabaseWithoutAnRpmCommandIsUnknown() throws IOException {
    write(root, "/var/lib/rpm/rpmdb.sqlite", "SQLite format 3");
    LinuxPackages packages = new LinuxPackages(new RootedFiles(root), (cmd, t) -> java.util.Optional.empty());
    assertThat(packages.installed().isKnown()).isFalse();
    assertThat(packages.installed().reason()).contains("rpm command is not installed");
  }
}
