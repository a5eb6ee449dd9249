package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.windows.WindowsHost;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.host.WindowsVolume;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.ToolInfo;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A live run on Windows, with a Windows-mode jimfs as the machine's filesystem. */
class WindowsLiveSessionTest {

  final FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("C:\\", "E:\\").build());

  AgentEnvironment env() {
    return new AgentEnvironment(fs, Clock.systemUTC(), Map.of("SystemDrive", "E:"), false,
        new BufferedReader(new StringReader("")), OptionalInt.empty(), fs.getPath("E:\\ProgramData\\imageprep"),
        fs.getPath("E:\\Users\\Administrator"), 7L, (command, timeout) -> Optional.empty());
  }

  @Test
  void theStandardOpenerSeesTheRunningWindowsOnItsSystemDrive() {
    HostOpener.Opened opened = HostOpener.standard(env()).open(fs.getPath("E:\\"), false);
    assertThat(opened.facts().info().platform()).isEqualTo(Platform.WINDOWS);
    assertThat(opened.facts()).isInstanceOf(WindowsHost.class);
    assertThat(opened.facts().windows().systemDrive()).isEqualTo('E');
    assertThat(opened.files().root()).hasToString("E:\\");
  }

  @Test
  void changingALiveWindowsWithoutElevationIsAClearUsageError() throws Exception {
    Files.createDirectories(fs.getPath("E:\\Windows\\Temp"));
    Files.writeString(fs.getPath("E:\\Windows\\Temp\\x.log"), "x");
    for (boolean elevated : new boolean[] {false, true}) {
      CommandContext ctx = new CommandContext(env(), opener(elevated), CheckTypes.builtIn(),
          ReportWriters.standard(), Interruptions::none, new ToolInfo("imageprep", "test"));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(ctx, new PrintWriter(out), new PrintWriter(err), "clean", "--profile", "windows", "--yes",
          "--only", "windows-temp");
      if (elevated) {
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK.code());
        assertThat(fs.getPath("E:\\Windows\\Temp\\x.log")).doesNotExist();
      } else {
        assertThat(code).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("run it from an elevated prompt").doesNotContain("Exception");
        assertThat(fs.getPath("E:\\Windows\\Temp\\x.log")).exists();
      }
    }
  }

  /** The live Windows host, with an elevation answer instead of the process token. */
  static HostOpener opener(boolean elevated) {
    return (root, offline) -> {
      RootedFiles files = new RootedFiles(root);
      return new HostOpener.Opened(host(files, elevated), files);
    };
  }

  /** A running Windows on {@code files}, drive E:, that answers {@code elevated} about its token. */
  static WindowsHost host(RootedFiles files, boolean elevated) {
    WindowsProbe probe = new WindowsProbe() {
      @Override
      public char systemDrive() {
        return 'E';
      }

      @Override
      public Fact<List<WindowsVolume>> volumes() {
        return Fact.known(List.of());
      }

      @Override
      public Fact<ImageFiles> drive(char letter) {
        return Fact.unknown("none");
      }

      @Override
      public Fact<Boolean> elevated() {
        return Fact.known(elevated);
      }
    };
    return new WindowsHost(new HostInfo(Platform.WINDOWS, files.root().toString(), false, "WS1"), files,
        p -> Fact.known(new VolumeUsage("E:\\", "NTFS", 1L << 40, 1L << 39, 1L << 39)),
        RegistryProbe.unavailable("no registry in this test"), probe, null, () -> Fact.unknown("none"));
  }
}
