package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.sudo.HostVisudo;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imageprep sudo revoke --root} through the real command line, on a real temporary tree, judged
 * by this machine's real visudo (CI installs sudo).
 */
class SudoRevokeCommandTest {

  @TempDir
  Path temp;

  private Path root;

  @BeforeEach
  void image() throws IOException {
    assumeTrue(HostVisudo.PLACES.stream().anyMatch(p -> Files.isExecutable(Path.of(p))),
        "this machine's visudo (apt-get install sudo; .ci/run does)");
    root = Files.createDirectories(temp.resolve("image"));
    Files.createDirectories(root.resolve("etc/sudoers.d"));
    Files.writeString(root.resolve("etc/sudoers"), "root ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n");
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
        + "wsadmin:x:1001:1001::/home/wsadmin:/bin/bash\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\nsudo:x:27:wsadmin\n");
    Files.writeString(root.resolve("etc/sudoers.d/01-ws-admin-user"), "wsadmin ALL=(ALL:ALL) NOPASSWD: ALL\n");
  }

  private CliHarness.Result run(String... args) {
    return new CliHarness(temp.getFileSystem(), temp.resolve("state")).runner(new ProcessCommandRunner()).run(args);
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() throws IOException {
    CliHarness.Result r = run("sudo", "revoke", "--root", root.toString(), "--dry-run");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("would have removed wsadmin from group sudo (/etc/group)",
        "would have removed /etc/sudoers.d/01-ws-admin-user");
    assertThat(Files.readString(root.resolve("etc/group"))).contains("sudo:x:27:wsadmin");
  }

  @Test
  void refusesWithoutYesWhenNobodyCanBeAsked() throws IOException {
    CliHarness.Result r = run("sudo", "revoke", "--root", root.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("without --yes");
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).exists();
  }

  @Test
  void revokesLogsEachChangeAndIsIdempotent() throws IOException {
    CliHarness.Result r = run("sudo", "revoke", "--root", root.toString(), "--yes");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("imageprep sudo revoke: removed wsadmin from group sudo (/etc/group)");
    assertThat(r.out()).contains("Made 3 change(s) for wsadmin.");
    assertThat(Files.readString(root.resolve("etc/group"))).contains("sudo:x:27:\n");
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).doesNotExist();

    CliHarness.Result again = run("sudo", "revoke", "--root", root.toString(), "--yes");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("Nothing to revoke for wsadmin.");
  }

  @Test
  void rootIsNeverRevoked() {
    CliHarness.Result r = run("sudo", "revoke", "--root", root.toString(), "--user", "root", "--yes");

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("root's rights are never removed");
  }
}
