package dev.imageprep.agent.e2e;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What virt-sysprep's default operations would remove from a Debian tree, by the globs of its
 * operations (virt-sysprep(1), OPERATIONS, and the sysprep_operation_*.ml files of libguestfs),
 * written here as the tree's real paths: /var/run is /run and /var/spool/mail is /var/mail on
 * Debian. An independent list on purpose: the catalog is what it judges.
 */
final class VirtSysprepRemovals {

  /**
   * Operation, then its globs ("/**" is everything below, as rm -rf does). Operations that remove
   * only regular files (cron-spool, package-manager-cache) are written with file globs.
   */
  static final List<List<String>> OPERATIONS = List.of(
      List.of("tmp-files", "/tmp/*", "/var/tmp/*"),
      List.of("bash-history", "/root/.bash_history", "/home/*/.bash_history"),
      List.of("zsh-history", "/root/.zsh_history", "/home/*/.zsh_history"),
      List.of("ssh-hostkeys", "/etc/ssh/*_host_*"),
      List.of("ssh-userdir", "/root/.ssh", "/root/.ssh/**", "/home/*/.ssh", "/home/*/.ssh/**"),
      List.of("passwd-backups", "/etc/passwd-", "/etc/group-", "/etc/shadow-", "/etc/gshadow-", "/etc/subuid-",
          "/etc/subgid-"),
      List.of("utmp", "/run/utmp"),
      List.of("cron-spool", "/var/spool/cron/crontabs/*", "/var/spool/cron/atjobs/*"),
      List.of("dhcp-client-state", "/var/lib/dhclient/*", "/var/lib/dhcp/*"),
      List.of("mail-spool", "/var/mail/*"),
      List.of("udev-persistent-net", "/etc/udev/rules.d/70-persistent-net.rules"),
      List.of("crash-data", "/var/crash/*", "/var/log/dump/*"),
      List.of("package-manager-cache", "/var/cache/apt/archives/*.deb", "/var/cache/apt/archives/lock",
          "/var/cache/apt/archives/partial/*"),
      List.of("logfiles", "/var/log/*.log*", "/var/log/audit/*", "/var/log/btmp*", "/var/log/cron*", "/var/log/dmesg*",
          "/var/log/lastlog*", "/var/log/maillog*", "/var/log/messages*", "/var/log/secure*", "/var/log/spooler*",
          "/var/log/tallylog*", "/var/log/wtmp*", "/var/log/debug*", "/var/log/syslog*", "/var/log/faillog*",
          "/var/log/mail/*", "/var/log/journal/*", "/var/log/sa/*", "/var/lib/logrotate.status"));

  private VirtSysprepRemovals() {}

  /** The paths of the tree (as image paths) that the operations' globs match. */
  static Set<String> in(Path root) throws IOException {
    List<PathMatcher> matchers = OPERATIONS.stream().flatMap(op -> op.subList(1, op.size()).stream())
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String image = "/" + root.relativize(p);
        if (image.equals("/")) {
          continue;
        }
        if (matchers.stream().anyMatch(m -> m.matches(Path.of(image)))) {
          out.add(image);
        }
      }
    }
    return out;
  }

  /** Whether a path of the tree is a regular file of zero bytes (emptied in place). */
  static boolean emptied(Path root, String image) throws IOException {
    Path p = root.resolve(image.substring(1));
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == 0;
  }
}
