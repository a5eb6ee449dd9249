package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real temporary image tree; visudo is replaced by a judge the test controls. */
class SudoRevokerTest {

  @TempDir
  Path root;

  private final List<String> log = new ArrayList<>();
  private final List<String> checked = new ArrayList<>();
  private boolean rejectWhole;
  private boolean rejectAfterEdits;

  private final SudoersCheck judge = new SudoersCheck() {
    @Override
    public Optional<String> unavailable() {
      return Optional.empty();
    }

    @Override
    public Optional<String> check(Optional<ImagePath> file) {
      checked.add(file.map(ImagePath::toString).orElse("(all)"));
      boolean reject = file.isEmpty() && (rejectWhole || (rejectAfterEdits && checked.size() > 1));
      return reject ? Optional.of("visudo -c rejects the sudoers configuration") : Optional.empty();
    }
  };

  @BeforeEach
  void image() throws IOException {
    Path etc = Files.createDirectories(root.resolve("etc/sudoers.d"));
    Files.writeString(etc.resolve("../passwd"), String.join("\n", "root:x:0:0:root:/root:/bin/bash",
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "wsadmin:x:1001:1001::/home/wsadmin:/bin/bash",
        "svc:x:1002:1002::/home/svc:/usr/sbin/nologin", "keeper:x:1003:1003::/home/keeper:/bin/bash",
        "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin", ""));
    Files.writeString(etc.resolve("../group"), "root:x:0:\nsudo:x:27:wsadmin,keeper\nusers:x:100:wsadmin\n");
    Files.writeString(etc.resolve("../gshadow"), "root:*::\nsudo:*::wsadmin,keeper\n");
    Files.writeString(etc.resolve("../login.defs"), "UID_MIN 1000\nUID_MAX 60000\n");
    Files.createDirectories(etc.resolve("../imageprep"));
    Files.writeString(etc.resolve("../imageprep/imageprep.conf"), "sudo-revoke.keep = keeper\n");
    Files.writeString(etc.resolve("../sudoers"), "root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n"
        + "@includedir /etc/sudoers.d\n");
    Path dropIn = Files.writeString(etc.resolve("01-ws-admin-user"), "wsadmin ALL=(ALL:ALL) NOPASSWD: ALL\n");
    Files.setPosixFilePermissions(dropIn, PosixFilePermissions.fromString("r--r-----"));
    Files.writeString(etc.resolve("ops"), "keeper, wsadmin ALL=(ALL) /usr/bin/systemctl\n");
    Files.writeString(etc.resolve("README.txt"), "wsadmin ALL=(ALL) ALL\n"); // has a '.': sudo never reads it
  }

  private RevokeOutcome run(boolean dryRun, String... users) throws IOException {
    return new SudoRevoker(new RootedFiles(root), judge, 4242, pid -> false, () -> { }, log::add)
        .run(new RevokeRequest(List.of(users), dryRun));
  }

  @Test
  void revokesEveryInteractiveUserButTheAllowListAndRoot() throws IOException {
    RevokeOutcome out = run(false);

    assertThat(out.users()).containsExactly("wsadmin");
    assertThat(out.complete()).isTrue();
    assertThat(Files.readString(root.resolve("etc/group"))).isEqualTo("root:x:0:\nsudo:x:27:keeper\nusers:x:100:wsadmin\n");
    assertThat(Files.readString(root.resolve("etc/gshadow"))).isEqualTo("root:*::\nsudo:*::keeper\n");
    assertThat(Files.readString(root.resolve("etc/group-"))).contains("sudo:x:27:wsadmin,keeper");
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).doesNotExist();
    assertThat(Files.readString(root.resolve("etc/sudoers.d/ops"))).isEqualTo("keeper ALL=(ALL) /usr/bin/systemctl\n");
    assertThat(Files.readString(root.resolve("etc/sudoers.d/README.txt"))).contains("wsadmin");
    assertThat(Files.readString(root.resolve("etc/sudoers"))).startsWith("root ALL=(ALL:ALL) ALL");
    assertThat(checked).containsExactly("(all)", "/etc/sudoers.d/ops.imageprep-new", "(all)");
    assertThat(log).isEqualTo(out.changes());
    assertThat(root.resolve("etc/group.lock")).doesNotExist();
  }

  @Test
  void aSecondRunChangesNothing() throws IOException {
    run(false);
    log.clear();

    RevokeOutcome again = run(false);

    assertThat(again.changes()).isEmpty();
    assertThat(again.complete()).isTrue();
    assertThat(log).isEmpty();
  }

  @Test
  void aDryRunChangesNothing() throws IOException {
    String group = Files.readString(root.resolve("etc/group"));

    RevokeOutcome out = run(true);

    assertThat(out.changes()).hasSize(5);
    assertThat(Files.readString(root.resolve("etc/group"))).isEqualTo(group);
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).exists();
    assertThat(log).isEmpty();
  }

  @Test
  void aConfigurationVisudoAlreadyRejectsIsLeftAlone() throws IOException {
    rejectWhole = true;

    RevokeOutcome out = run(false);

    assertThat(out.failures()).singleElement().asString().contains("before imageprep changed anything");
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).exists();
    assertThat(checked).containsExactly("(all)");
  }

  @Test
  void dropInsArePutBackWhenVisudoRejectsTheWholeConfiguration() throws IOException {
    rejectAfterEdits = true;

    RevokeOutcome out = run(false);

    assertThat(out.failures()).singleElement().asString().contains("put back");
    assertThat(Files.readString(root.resolve("etc/sudoers.d/01-ws-admin-user"))).contains("wsadmin");
    assertThat(Files.getPosixFilePermissions(root.resolve("etc/sudoers.d/01-ws-admin-user")))
        .isEqualTo(PosixFilePermissions.fromString("r--r-----"));
    assertThat(Files.readString(root.resolve("etc/sudoers.d/ops"))).contains("wsadmin");
  }

  @Test
  void anExplicitUserIsRevokedEvenWhenAllowListed() throws IOException {
    RevokeOutcome out = run(false, "keeper");

    assertThat(out.users()).containsExactly("keeper");
    assertThat(Files.readString(root.resolve("etc/group"))).contains("sudo:x:27:wsadmin\n");
  }

  @Test
  void withoutAJudgeNothingAtAllIsChanged() throws IOException {
    String group = Files.readString(root.resolve("etc/group"));
    SudoersCheck none = new HostVisudo(new RootedFiles(root), true, (command, limit) -> {
      throw new AssertionError("nothing may run: " + command);
    }, List.of(root.resolve("no/visudo")), root);
    SudoRevoker revoker = new SudoRevoker(new RootedFiles(root), none, 4242, pid -> false, () -> { }, log::add);

    assertThatThrownBy(() -> revoker.run(new RevokeRequest(List.of(), false)))
        .isInstanceOf(SudoRevoker.NoJudgeException.class)
        .hasMessageContaining("/etc/sudoers.d/01-ws-admin-user and 1 more drop-in(s) need rewriting")
        .hasMessageContaining("nothing was changed");
    assertThat(Files.readString(root.resolve("etc/group"))).as("not even the groups").isEqualTo(group);
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).exists();
    assertThat(log).isEmpty();
    assertThat(revoker.run(new RevokeRequest(List.of(), true)).changes()).as("a dry run still shows the plan")
        .hasSize(5);
  }

  @Test
  void rootIsRefused() {
    assertThatThrownBy(() -> run(false, "root")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void grantsInTheMainSudoersAreReportedNotEdited() throws IOException {
    Files.writeString(root.resolve("etc/sudoers"), "root ALL=(ALL:ALL) ALL\nwsadmin ALL=(ALL) ALL\n");

    RevokeOutcome out = run(false);

    assertThat(out.remaining()).singleElement().asString().contains("edit /etc/sudoers with visudo");
    assertThat(Files.readString(root.resolve("etc/sudoers"))).contains("wsadmin");
  }
}
