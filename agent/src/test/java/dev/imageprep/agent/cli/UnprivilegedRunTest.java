package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.ForkedCli;
import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-closed paths that root never reaches, run for real: the command line in its own JVM as
 * {@code nobody} (setpriv: no root, no capabilities, no groups), on a tree where some directories and
 * keys are root's alone. What it cannot see is {@code unknown}, never {@code pass}; what needs root
 * says so, exit 2, and changes nothing.
 */
class UnprivilegedRunTest {

  private static final String RULES = """
      rules:
        - id: no-aws-credentials-for-root
          title: root has no AWS credentials file
          severity: error
          type: paths-absent
          with: {paths: ['/root/.aws/*', '/var/lib/vault/*']}
          remediation: Remove them and use an instance profile.
          source: site policy
      """;

  @TempDir
  Path tmp;

  private Path root;
  private Path rules;
  private Path cwd;

  @BeforeEach
  void treeWithRootOnlyParts() throws IOException {
    assumeTrue(Mounts.isRoot(), "dropping to nobody needs root (CI runs as root)");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    write(root, "/root/.aws/credentials", "[default]\naws_access_key_id = AKIAZ7QXHN3NVQ5MKT2B\n"
        + "aws_secret_access_key = 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\n");
    Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
    // a directory nobody may see but not list: the other way a look can be denied
    write(root, "/var/lib/vault/token", "s.3kT9qL2mW8xN4vB7cJ1pR6\n");
    Files.setPosixFilePermissions(root.resolve("var/lib/vault"), PosixFilePermissions.fromString("rwx--x--x"));
    for (String type : new String[] {"rsa", "ecdsa", "ed25519"}) {
      Files.setPosixFilePermissions(root.resolve("etc/ssh/ssh_host_" + type + "_key"),
          PosixFilePermissions.fromString("rw-------"));
    }
    rules = Files.writeString(tmp.resolve("site.yaml"), RULES);
    cwd = Files.createDirectories(tmp.resolve("cwd"));
  }

  private ForkedCli.Result check(ForkedCli cli, Path state) throws IOException, InterruptedException {
    return cli.run(cwd, "check", "--root", root.toString(), "--profile", "ec2-linux", "--rules", rules.toString(),
        "--state-dir", state.toString(), "--format", "json");
  }

  @Test
  void whatNobodyCannotReadIsUnknownNeverPass() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("state-nobody"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));

    ForkedCli.Result asNobody = check(ForkedCli.asNobody(), state);
    ForkedCli.Result asRoot = check(ForkedCli.asThisUser(), Files.createDirectories(tmp.resolve("state-root")));

    assertThat(asNobody.exitCode()).as(asNobody.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode blind = ReportSchema.validated(asNobody.out());
    JsonNode seeing = ReportSchema.validated(asRoot.out());
    // the same tree: root sees the credentials and the keys, nobody sees that it cannot look
    assertThat(status(seeing, "no-aws-credentials-for-root")).isEqualTo("fail");
    assertThat(status(blind, "no-aws-credentials-for-root")).isEqualTo("unknown");
    assertThat(message(blind, "no-aws-credentials-for-root")).contains("permission denied");
    assertThat(status(seeing, "no-secrets-left")).isEqualTo("fail");
    assertThat(status(blind, "no-secrets-left")).isEqualTo("unknown");
    assertThat(asNobody.out()).doesNotContain("9xQz7Lw2Jc8Vb4Nm6Kp1");
  }

  @Test
  void anUnwritableStateDirectoryTellsNobodyToRunAsRoot() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("state-root-only"));

    ForkedCli.Result r = check(ForkedCli.asNobody(), state);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("uid 65534 may not write in " + state + ": run as root").doesNotContain("\tat ");
  }

  @Test
  void changingTheRunningSystemNeedsRootAndChangesNothing() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("state-nobody"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));

    // --only the machine id: should the guard ever fail, nobody still cannot write /etc/machine-id
    ForkedCli.Result clean = ForkedCli.asNobody().run(cwd, "clean", "--profile", "linux", "--only", "machine-id",
        "--state-dir", state.toString(), "--yes");
    ForkedCli.Result revoke = ForkedCli.asNobody().run(cwd, "sudo", "revoke", "--yes");

    assertThat(clean.exitCode()).as(clean.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(clean.err()).contains("run it as root").doesNotContain("\tat ");
    assertThat(revoke.exitCode()).as(revoke.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(revoke.err()).contains("run it as root").doesNotContain("\tat ");
    try (var s = Files.list(state)) {
      assertThat(s).as("no lock or journal: nothing started").isEmpty();
    }
  }

  @Test
  void aRuleFileNobodyCannotReadIsAClearUsageError() throws Exception {
    Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rw-------"));
    Path state = Files.createDirectories(tmp.resolve("state-nobody"));

    ForkedCli.Result r = check(ForkedCli.asNobody(), state);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(rules.toString()).containsIgnoringCase("denied").doesNotContain("\tat ");
  }

  private static String status(JsonNode report, String id) {
    return find(report, id).at("/status").asText();
  }

  private static String message(JsonNode report, String id) {
    return find(report, id).at("/message").asText() + find(report, id).at("/evidence").toString();
  }

  private static JsonNode find(JsonNode report, String id) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id + " in " + report);
  }
}
