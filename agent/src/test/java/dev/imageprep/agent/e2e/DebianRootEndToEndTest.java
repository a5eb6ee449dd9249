package dev.imageprep.agent.e2e;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.DebianRoot;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a Debian 12 root filesystem made by debootstrap (openssh-server, sudo, cloud-init),
 * dirtied the way a used instance is, then checked, dry-run cleaned, cleaned and prepared through the
 * command line with {@code --root}. Real absolute symlinks (/var/lock -> /run/lock), real keys made
 * by openssh-server's postinst, a real dpkg database and real systemd unit files.
 */
@Tag("debootstrap")
class DebianRootEndToEndTest {

  @TempDir
  Path tmp;

  Path root;
  LocalCli cli;
  Path state;

  @BeforeEach
  void usedInstance() throws IOException, InterruptedException {
    root = DebianRoot.copyTo(tmp.resolve("debian"));
    state = tmp.resolve("state");
    cli = new LocalCli(state, Files.createDirectories(tmp.resolve("cwd")));
    // what a few days of use leave behind
    write(root, "/root/.bash_history", "apt-get install htop\nmysql -u root\n");
    write(root, "/home/admin/.bash_history", "sudo -i\n");
    write(root, "/home/admin/.ssh/authorized_keys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG admin@laptop\n");
    write(root, "/etc/sudoers.d/90-cloud-init-users", "admin ALL=(ALL) NOPASSWD:ALL\n");
    write(root, "/var/lib/cloud/instances/i-0123456789abcdef0/user-data.txt", "#cloud-config\n");
    write(root, "/var/lib/cloud/instances/i-0123456789abcdef0/sem/config_ssh", "");
    link(root, "/var/lib/cloud/instance", "/var/lib/cloud/instances/i-0123456789abcdef0");
    write(root, "/var/lib/dhcp/dhclient.ens5.leases", "lease { interface \"ens5\"; }\n");
    write(root, "/var/log/cloud-init.log", "2026-11-20 cloud-init[512]: modules-final\n");
    write(root, "/etc/udev/rules.d/70-persistent-net.rules", "SUBSYSTEM==\"net\", ATTR{address}==\"0a:1b\"\n");
    write(root, "/tmp/installer/setup.sh", "#!/bin/sh\n");
    write(root, "/var/tmp/systemd-private-abc/tmp/x", "x");
    write(root, "/etc/machine-id", "0f1e2d3c4b5a69788796a5b4c3d2e1f0\n");
    write(root, "/run/lock/.skylight.domain-join.lock", "");
    // rotated logs, a user's key pair, a crontab, utmp and Debian's cloud-init network file
    write(root, "/var/log/syslog", "Nov 20 10:00:00 ip-10-0-0-5 systemd[1]: Started\n");
    write(root, "/var/log/syslog.1", "Nov 19 10:00:00 ip-10-0-0-5 kernel: build day\n");
    write(root, "/var/log/syslog.2.gz", "\u001f\u008b compressed");
    write(root, "/var/log/auth.log", "sshd[901]: Accepted publickey for admin\n");
    write(root, "/var/log/auth.log.1", "sudo: admin : COMMAND=/usr/bin/apt-get install htop\n");
    write(root, "/var/log/cron.log", "CRON[77]: (root) CMD (backup)\n");
    write(root, "/var/log/user.log", "user session opened\n");
    write(root, "/var/log/dpkg.log.1", "2026-11-18 install htop\n");
    write(root, "/var/log/apt/history.log.1.gz", "\u001f\u008b apt history");
    write(root, "/var/log/apt/history.log", "Start-Date: 2026-11-19\n");
    write(root, "/home/admin/.ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + UsedImage.HOST_KEY_BODY
        + "\n-----END OPENSSH PRIVATE KEY-----\n");
    write(root, "/home/admin/.ssh/id_ed25519.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG admin@instance\n");
    write(root, "/home/admin/.ssh/known_hosts", "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMq\n");
    write(root, "/root/.ssh/known_hosts", "10.0.0.9 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx\n");
    write(root, "/var/spool/cron/crontabs/admin", "0 3 * * * /home/admin/backup.sh\n");
    write(root, "/run/utmp", "\u0007\u0000\u0000\u0000pts/0 admin 10.0.0.9");
    write(root, "/etc/network/interfaces.d/50-cloud-init", "auto ens5\niface ens5 inet dhcp\n");
    write(root, "/var/cache/apt/archives/partial/htop_3.2.2-2_amd64.deb", "partial download");
    write(root, "/var/crash/_usr_bin_htop.0.crash", "ProblemType: Crash\n");
  }

  /** Removes the tree without JUnit walking its many absolute symlinks (it would warn on each). */
  @org.junit.jupiter.api.AfterEach
  void removeTree() throws IOException, InterruptedException {
    new ProcessBuilder("rm", "-rf", "--one-file-system", root.toString()).inheritIO().start().waitFor();
  }

  private String[] args(String command, String profile, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--root", root.toString(), "--profile", profile,
        "--state-dir", state.toString(), "--format", "json"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void checkDryRunCleanAndCheckAgain() throws IOException {
    assertThat(Files.isSymbolicLink(root.resolve("var/lock"))).as("a real Debian tree").isTrue();
    assertThat(exists(root, "/etc/ssh/ssh_host_ed25519_key")).as("keys from openssh-server's postinst").isTrue();

    Result check = cli.run(args("check", "ec2-linux"));
    JsonNode before = ReportSchema.validated(check.out());
    assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode secrets = check(before, "no-secrets-left");
    assertThat(secrets.at("/status").asText()).isEqualTo("resolved-by-cleanup");
    assertThat(secrets.get("resolvedBy").toString()).contains("ssh-host-keys");
    assertThat(before.at("/blockedBy")).as("only the host keys, which the cleanup shreds").isEmpty();
    assertThat(check(before, "required-components").at("/status").asText()).isEqualTo("pass");
    assertThat(check(before, "ssh-host-key-regeneration").at("/status").asText()).as("cloud-init's ssh module")
        .isEqualTo("pass");
    assertThat(before.at("/host/os").asText()).contains("Debian GNU/Linux 12");

    String pristine = fingerprint(root);
    Result dry = cli.run(args("clean", "ec2-linux", "--dry-run"));
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    List<String> planned = ReportSchema.validated(dry.out()).at("/cleanup").findValuesAsText("path");
    assertThat(planned).contains("/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ed25519_key.pub", "/tmp/installer",
        "/var/lib/cloud/instance", "/var/lib/dhcp/dhclient.ens5.leases", "/home/admin/.ssh/authorized_keys",
        "/etc/machine-id", "/root/.bash_history", "/etc/sudoers.d/90-cloud-init-users");
    assertThat(planned).noneMatch(p -> p.startsWith(root.toString()));
    assertThat(fingerprint(root)).as("a dry run changes nothing").isEqualTo(pristine);

    Result clean = cli.run(args("clean", "ec2-linux", "--yes"));
    JsonNode cleaned = ReportSchema.validated(clean.out());
    assertThat(clean.exitCode()).as(clean.out()).isZero();
    assertThat(cleaned.at("/summary/cleanupFailed").asInt()).isZero();
    assertThat(exists(root, "/etc/ssh/ssh_host_rsa_key")).isFalse();
    assertThat(exists(root, "/etc/ssh/sshd_config")).isTrue();
    assertThat(root.resolve("var/lib/cloud")).isEmptyDirectory();
    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(Files.size(root.resolve("etc/machine-id"))).isZero();
    assertThat(exists(root, "/etc/sudoers")).as("sudo's own file stays").isTrue();
    assertThat(Files.isSymbolicLink(root.resolve("var/lock"))).isTrue();
    try (var s = Files.list(root.resolve("var/cache/apt/archives"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".deb"))).isEmpty();
    }

    Result after = cli.run(args("check", "ec2-linux"));
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(check(ReportSchema.validated(after.out()), "no-secrets-left").at("/status").asText()).isEqualTo("pass");

    Result again = cli.run(args("clean", "ec2-linux", "--yes"));
    assertThat(ReportSchema.validated(again.out()).at("/summary/cleanupPlanned").asInt()).as("idempotent").isZero();
  }

  @Test
  void prepareOnWorkSpacesLeavesHomeAndReportsTheMissingAgents() throws IOException {
    String home = fingerprint(root.resolve("home"));
    Result r = cli.run(args("prepare", "workspaces-linux", "--yes"));
    JsonNode report = ReportSchema.validated(r.out());
    // a plain Debian root has no PCoIP or Skylight agent: the check blocks, and nothing is cleaned
    assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    assertThat(check(report, "required-components").at("/message").asText()).contains("PCoIP").contains("Skylight");
    assertThat(report.at("/notes/0").asText()).contains("cleanup not run");
    assertThat(exists(root, "/etc/ssh/ssh_host_rsa_key")).isTrue();

    Result forced = cli.run(args("prepare", "workspaces-linux", "--yes", "--force"));
    JsonNode f = ReportSchema.validated(forced.out());
    assertThat(forced.exitCode()).as("still not ready: the agents are missing").isEqualTo(ExitCode.NOT_READY.code());
    assertThat(f.at("/summary/cleanupDone").asInt()).isPositive();
    assertThat(exists(root, "/etc/ssh/ssh_host_rsa_key")).isFalse();
    assertThat(exists(root, "/run/lock/.skylight.domain-join.lock")).as("via /var/lock -> /run/lock").isFalse();
    try (var left = Files.list(root.resolve("etc/sudoers.d"))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("sudo's own README is package-owned and stays")
          .containsExactly("README");
    }
    assertThat(fingerprint(root.resolve("home"))).as("/home is never touched on WorkSpaces").isEqualTo(home);
  }

  @Test
  void prepareOnEc2IsReadyAfterCleaning() throws IOException {
    Result r = cli.run(args("prepare", "ec2-linux", "--yes"));
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(report.at("/verdict").asText()).isEqualTo("READY");
    assertThat(report.at("/ready").asBoolean()).isTrue();
    assertThat(check(report.get("preflight"), "no-secrets-left").at("/status").asText())
        .isEqualTo("resolved-by-cleanup");
  }

  @Test
  void ec2CleanRemovesWhatVirtSysprepRemovesAndSaysWhatItKeeps() throws Exception {
    Set<String> virtSysprep = VirtSysprepRemovals.in(root);
    assertThat(virtSysprep).as("the dirtied tree gives every operation something to do").contains("/var/log/syslog.1",
        "/etc/shadow-", "/run/utmp", "/home/admin/.ssh/id_ed25519", "/var/spool/cron/crontabs/admin");
    long before = TreeBytes.of(root);
    Set<String> emptyBefore = new java.util.HashSet<>();
    for (String path : virtSysprep) {
      if (VirtSysprepRemovals.emptied(root, path)) {
        emptyBefore.add(path);
      }
    }

    Result clean = cli.run(args("clean", "ec2-linux", "--yes"));
    JsonNode report = ReportSchema.validated(clean.out());
    assertThat(clean.exitCode()).as(clean.out()).isZero();

    Map<String, JsonNode> steps = new HashMap<>();
    report.get("cleanup").forEach(s -> steps.putIfAbsent(s.get("path").asText(), s));
    List<String> unexplained = new ArrayList<>();
    for (String path : virtSysprep) {
      if (!exists(root, path) || kept(path, steps, emptyBefore.contains(path))) {
        continue;
      }
      unexplained.add(path);
    }
    assertThat(unexplained).as("left behind without one of the reasons docs/cleanup.md gives").isEmpty();
    assertThat(exists(root, "/home/admin/.ssh/id_ed25519.pub")).as("public keys stay").isTrue();
    assertThat(exists(root, "/etc/network/interfaces.d/50-cloud-init")).isFalse();
    assertThat(root.resolve("var/cache/apt/archives/partial")).as("apt's folder stays, emptied").isEmptyDirectory();

    assertThat(missingAfterCleaning("ec2-linux")).isEmpty();
    assertBytesFreedMatchTheReport(before, report);

    Result crontabs = cli.run(args("clean", "ec2-linux", "--yes", "--only", "cron-spool", "--enable", "cron-spool"));
    assertThat(crontabs.exitCode()).as(crontabs.out()).isZero();
    assertThat(exists(root, "/var/spool/cron/crontabs/admin")).as("--enable cron-spool").isFalse();
  }

  /** The reasons docs/cleanup.md gives for what imageprep keeps that virt-sysprep removes. */
  private boolean kept(String path, Map<String, JsonNode> steps, boolean emptyBefore) throws IOException {
    JsonNode step = steps.get(path);
    boolean truncated = step != null && step.get("action").asText().equals("truncate")
        && step.get("status").asText().equals("done");
    if ((truncated || emptyBefore) && VirtSysprepRemovals.emptied(root, path)) {
      return true; // live logs and login records are emptied in place (or were empty already)
    }
    if (step != null && step.get("status").asText().equals("skipped")
        && step.path("reason").asText().startsWith("package-owned (")) {
      return true; // what packages own stays
    }
    if (path.matches("/(root|home/[^/]+)/\\.ssh(/.*\\.pub|/config)?")) {
      return true; // .ssh folders, public keys and ssh config are not secrets
    }
    if (path.startsWith("/var/spool/cron/")) {
      return true; // crontabs: cron-spool is off by default
    }
    return path.equals("/var/cache/apt/archives/lock"); // apt's lock, which apt may hold
  }

  @Test
  void workSpacesCleanKeepsDebconfsDatabaseAndWhatPackagesOwn() throws Exception {
    String debconf = fingerprint(root.resolve("var/cache/debconf"));
    Map<String, String> modes = new HashMap<>();
    for (String dir : List.of("var/cache/apt", "var/cache/apt/archives", "var/cache/ldconfig", "var/cache/adduser")) {
      modes.put(dir, Files.getAttribute(root.resolve(dir), "unix:mode") + " " + Files.getOwner(root.resolve(dir)));
    }
    long before = TreeBytes.of(root);

    Result clean = cli.run(args("clean", "workspaces-linux", "--yes"));
    JsonNode report = ReportSchema.validated(clean.out());
    assertThat(clean.exitCode()).as(clean.out()).isZero();

    assertThat(fingerprint(root.resolve("var/cache/debconf"))).as("debconf's database, byte for byte").isEqualTo(debconf);
    for (Map.Entry<String, String> d : modes.entrySet()) {
      Path dir = root.resolve(d.getKey());
      assertThat(Files.getAttribute(dir, "unix:mode") + " " + Files.getOwner(dir)).as(d.getKey()).isEqualTo(d.getValue());
    }
    try (var debs = Files.list(root.resolve("var/cache/apt/archives"))) {
      assertThat(debs.filter(p -> p.toString().endsWith(".deb"))).isEmpty();
    }
    assertThat(cleanupStep(report, "/var/cache/apt").path("reason").asText()).startsWith("package-owned (apt)");
    assertThat(report.get("cleanup").findValuesAsText("reason")).anyMatch(r -> r.startsWith("already planned by "));
    assertThat(Files.size(root.resolve("etc/machine-id"))).as("each WorkSpace gets its own id").isZero();
    assertThat(exists(root, "/root/.ssh/known_hosts")).as("only root's authorized_keys on WorkSpaces").isTrue();

    assertThat(missingAfterCleaning("workspaces-linux"))
        .as("only /etc/security/access.conf, which the WorkSpaces guide names")
        .containsExactly("/etc/security/access.conf");
    assertBytesFreedMatchTheReport(before, report);
  }

  /**
   * What this machine's dpkg says is missing from the tree (dpkg --root R --verify reads it as data;
   * nothing of the image runs), less what the profile's items name literally.
   */
  private Set<String> missingAfterCleaning(String profile) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dpkg", "--root=" + root, "--verify").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Set<String> named = new java.util.HashSet<>();
    for (var item : dev.imageprep.agent.run.Session.catalogProfile(dev.imageprep.agent.AgentEnvironment.system(),
        dev.imageprep.rules.check.CheckTypes.builtIn(), List.of(), profile).cleanup()) {
      item.paths().stream().filter(g -> g.isLiteral()).forEach(g -> named.add(g.toString()));
    }
    Set<String> missing = new java.util.TreeSet<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("missing")) {
        missing.add(line.substring(line.indexOf('/')).strip());
      }
    }
    Set<String> unnamed = new java.util.TreeSet<>(missing);
    unnamed.removeAll(named);
    assertThat(unnamed).as("dpkg --verify: missing paths no cleanup item names\n" + out).isEmpty();
    return missing;
  }

  /** cleanupBytes must equal what the tree shrank by (regular files' sizes, each inode once), within 1 %. */
  private void assertBytesFreedMatchTheReport(long before, JsonNode report) throws IOException {
    long freed = before - TreeBytes.of(root);
    long reported = report.at("/summary/cleanupBytes").asLong();
    assertThat(freed).as("the clean freed something").isPositive();
    assertThat((double) Math.abs(reported - freed)).as("reported " + reported + " bytes, freed " + freed)
        .isLessThanOrEqualTo(freed * 0.01);
  }

  private static JsonNode cleanupStep(JsonNode report, String path) {
    for (JsonNode s : report.get("cleanup")) {
      if (s.get("path").asText().equals(path)) {
        return s;
      }
    }
    throw new AssertionError("no cleanup step for " + path);
  }

  private static JsonNode check(JsonNode reportOrList, String id) {
    JsonNode list = reportOrList.has("checks") ? reportOrList.get("checks") : reportOrList;
    for (JsonNode c : list) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id + " in " + reportOrList);
  }
}
