package dev.imageprep.agent.testing;

import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A small Debian-like image tree, dirtied the way a used instance is, and a fingerprint of any tree. */
public final class UsedImage {

  /** Key material that must never appear in any output. */
  public static final String HOST_KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQy"
      + "NTUxOQAAACDyQ3TZ1mYgYc3V2Q8bKx1QVn4sh0Gm8tmbhLbSL4VhJgAAAJhhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGY=";

  private UsedImage() {}

  public static Path debianLike(Path root) throws IOException {
    write(root, "/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
    write(root, "/var/lib/dpkg/status", dpkg("openssh-server", "cloud-init", "sudo"));
    write(root, "/etc/cloud/cloud.cfg", "cloud_init_modules:\n - seed_random\n - ssh\n");
    write(root, "/usr/lib/systemd/system/cloud-init.service", "[Service]\nExecStart=/usr/bin/cloud-init init\n"
        + "[Install]\nWantedBy=cloud-init.target\n");
    link(root, "/etc/systemd/system/cloud-init.target.wants/cloud-init.service",
        "/usr/lib/systemd/system/cloud-init.service");
    for (String type : new String[] {"rsa", "ecdsa", "ed25519"}) {
      write(root, "/etc/ssh/ssh_host_" + type + "_key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + HOST_KEY_BODY
          + "\n-----END OPENSSH PRIVATE KEY-----\n");
      write(root, "/etc/ssh/ssh_host_" + type + "_key.pub", "ssh-" + type + " AAAAC3NzaC1lZDI1NTE5 root@instance\n");
    }
    write(root, "/etc/ssh/sshd_config", "PermitRootLogin prohibit-password\n");
    write(root, "/etc/machine-id", "4b1d3e0c2f6a4e6b9b1d2c3e4f5a6b7c\n");
    write(root, "/var/lib/cloud/instances/i-0abc/user-data.txt", "#cloud-config\n");
    link(root, "/var/lib/cloud/instance", "/var/lib/cloud/instances/i-0abc");
    write(root, "/var/lib/dhcp/dhclient.eth0.leases", "lease {}\n");
    write(root, "/tmp/build.log", "installing\n");
    write(root, "/var/tmp/cache.bin", "x");
    write(root, "/root/.bash_history", "aws configure\n");
    write(root, "/home/admin/.bash_history", "sudo -i\n");
    write(root, "/home/admin/.ssh/authorized_keys", "ssh-ed25519 AAAAC3Nza admin@laptop\n");
    write(root, "/var/log/cloud-init.log", "log\n");
    write(root, "/var/log/wtmp", "records");
    Files.createDirectories(root.resolve("var/mail"));
    link(root, "/var/spool/mail", "../mail");
    link(root, "/var/lock", "/run/lock");
    Files.createDirectories(root.resolve("run/lock"));
    return root;
  }

  private static String dpkg(String... names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append("Package: ").append(n).append("\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0\n\n");
    }
    return sb.toString();
  }

  /** Every entry's path, type, size, content digest and link target: equal fingerprints, equal trees. */
  public static String fingerprint(Path root) throws IOException {
    TreeMap<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String rel = "/" + root.relativize(p);
        if (Files.isSymbolicLink(p)) {
          entries.put(rel, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(rel, "dir");
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(rel, "file " + Files.size(p) + " " + digest(Files.readAllBytes(p)));
        } else {
          entries.put(rel, "other");
        }
      }
    }
    return entries.toString();
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
