package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.probe.common.EntryRemover;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.common.StateDirectory;
import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Kind;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Member;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.HostActions;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.ToolInfo;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code imageprep sudo revoke} on a running Windows, through the real command line. */
class WindowsSudoRevokeCommandTest {

  final FileSystem fs = Jimfs.newFileSystem(Configuration.windows());
  final Path state = fs.getPath("C:\\ProgramData\\imageprep");
  final List<Member> members = new ArrayList<>(List.of(
      new Member("S-1-5-21-1004336348-1177238915-682003330-500", Kind.USER, "EC2AMAZ-K1\\Administrator"),
      new Member("S-1-5-21-3623811015-3361044348-30300820-1105", Kind.USER, "CORP\\alice"),
      new Member("S-1-5-21-3623811015-3361044348-30300820-1106", Kind.USER, "CORP\\bob")));
  final AdministratorsGroup group = new AdministratorsGroup() {
    @Override
    public List<Member> members() {
      return List.copyOf(members);
    }

    @Override
    public boolean remove(Member m) {
      return members.remove(m);
    }
  };

  record Run(int code, String out, String err) {}

  Run run(boolean elevated, String... args) {
    AgentEnvironment env = new AgentEnvironment(fs, Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC),
        Map.of("SystemDrive", "C:"), false, new BufferedReader(new StringReader("")), OptionalInt.empty(), state,
        fs.getPath("C:\\Windows\\System32"), 7L, (command, timeout) -> Optional.empty());
    CommandContext ctx = new CommandContext(env, opener(elevated), CheckTypes.builtIn(), ReportWriters.standard(),
        Interruptions::none, new ToolInfo("imageprep", "test"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(ctx, new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  HostOpener opener(boolean elevated) {
    return (root, offline) -> {
      RootedFiles files = new RootedFiles(root);
      return new HostOpener.Opened(WindowsLiveSessionTest.host(files, elevated), files,
          new HostActions(EntryRemover.NIO, StateDirectory.POSIX, Optional.of(group)));
    };
  }

  @Test
  void usersLeaveTheAdministratorsGroupTheAllowListStaysAndEachChangeIsLogged() throws Exception {
    Files.createDirectories(state);
    Files.writeString(state.resolve("imageprep.conf"), "# kept\r\nsudo-revoke.keep = bob\r\n");

    Run dry = run(true, "sudo", "revoke", "--dry-run");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("would have removed CORP\\alice");
    assertThat(members).hasSize(3);

    Run done = run(true, "sudo", "revoke", "--yes");
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(members).extracting(Member::name).containsExactly("EC2AMAZ-K1\\Administrator", "CORP\\bob");
    assertThat(Files.readString(state.resolve("sudo-revoke.log"))).contains("2026-11-30T07:00:00Z removed CORP\\alice");

    assertThat(run(true, "sudo", "revoke", "--yes").out()).contains("Nothing to revoke");
  }

  @Test
  void withoutElevationItIsAUsageErrorAndNothingChanges() {
    Run r = run(false, "sudo", "revoke", "--yes");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("elevated prompt").doesNotContain("Exception");
    assertThat(members).hasSize(3);
    assertThat(run(true, "sudo", "revoke", "--yes", "--user", "Administrator").code()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void helpNamesTheWindowsFilesWithTheirPercentSigns() {
    Run r = run(true, "sudo", "revoke", "--help");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().replaceAll("\\s+", "")) // the help wraps lines
        .contains("%ProgramData%\\imageprep\\imageprep.conf", "%ProgramData%\\imageprep\\sudo-revoke.log");
  }
}
