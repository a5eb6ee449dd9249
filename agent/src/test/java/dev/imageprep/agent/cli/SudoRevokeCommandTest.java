package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.FakeRunner;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imageprep sudo revoke --root} through the real command line, on a real temporary tree. */
class SudoRevokeCommandTest {

  @TempDir
  Path temp;

  private Path root;

  @BeforeEach
  void image() throws IOException {
    root = Files.createDirectories(temp.resolve("image"));
    Files.createDirectories(root.resolve("etc/sudoers.d"));
    Files.createDirectories(root.resolve("usr/sbin"));
    Files.writeString(root.resolve("usr/sbin/visudo"), ""); // the image has sudo; the runner answers for it
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
        + "wsadmin:x:1001:1001::/home/wsadmin:/bin/bash\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\nsudo:x:27:wsadmin\n");
    Files.writeString(root.resolve("etc/sudoers.d/01-ws-admin-user"), "wsadmin ALL=(ALL:ALL) NOPASSWD: ALL\n");
  }

  private CliHarness.Result run(String... args) {
    CommandRunner visudoSaysOk = new FakeRunner(Map.of("chroot", new CommandRunner.Result(0, "parsed OK\n", "")));
    return new CliHarness(temp.getFileSystem(), temp.resolve("state")).runner(visudoSaysOk).run(args);
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
