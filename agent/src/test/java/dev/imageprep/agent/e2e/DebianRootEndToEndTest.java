package dev.imageprep.agent.e2e;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.DebianRoot;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(root.resolve("etc/sudoers.d")).isEmptyDirectory();
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
