package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.AgentEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the process settles before touching Windows. */
class WindowsRuntimeTest {

  /**
   * "WOW64 Implementation Details": a 32-bit process on 64-bit Windows sees PROCESSOR_ARCHITECTURE=x86
   * and PROCESSOR_ARCHITEW6432=AMD64, and its System32 is redirected to SysWOW64.
   */
  @Test
  void a32BitJavaUnderWow64IsRefusedAndNothingElse() {
    Map<String, String> wow64 = AgentEnvironment.environment(Map.of("PROCESSOR_ARCHITECTURE", "x86",
        "PROCESSOR_ARCHITEW6432", "AMD64"), true);
    assertThat(WindowsRuntime.wow64Refusal("x86", "32", wow64)).get().asString().contains("SysWOW64", "64-bit Java");
    assertThat(WindowsRuntime.wow64Refusal("x86", null, wow64)).isPresent();
    assertThat(WindowsRuntime.wow64Refusal("amd64", "64", Map.of("PROCESSOR_ARCHITECTURE", "AMD64"))).isEmpty();
    assertThat(WindowsRuntime.wow64Refusal("x86", "32", Map.of("PROCESSOR_ARCHITECTURE", "x86"))).isEmpty();
  }

  /** ProcessEnvironment.java (Windows): only System.getenv(String) ignores case; the map does not. */
  @Test
  void windowsVariablesAreFoundWhateverTheirCase() {
    Map<String, String> env = AgentEnvironment.environment(Map.of("SYSTEMDRIVE", "E:", "ProgramData", "E:\\PD"), true);
    assertThat(env.get("SystemDrive")).isEqualTo("E:");
    assertThat(env.get("PROGRAMDATA")).isEqualTo("E:\\PD");
    assertThat(AgentEnvironment.environment(Map.of("HOME", "/root"), false).get("home")).isNull();
  }

  @Test
  void jnaUnpacksIntoTheStateDirectoryOnlyWhenItIsAPlainDirectory(@TempDir Path tmp) throws IOException {
    Properties props = new Properties();
    WindowsRuntime.keepJnaOutOfTemp(props, tmp.resolve("missing"));
    assertThat(props.getProperty("jna.tmpdir")).isNull();

    Path state = Files.createDirectories(tmp.resolve("imageprep"));
    WindowsRuntime.keepJnaOutOfTemp(props, state);
    assertThat(props.getProperty("jna.tmpdir")).isEqualTo(state.resolve("jna").toString());

    Path link = Files.createSymbolicLink(tmp.resolve("planted"), state);
    Properties viaLink = new Properties();
    WindowsRuntime.keepJnaOutOfTemp(viaLink, link);
    assertThat(viaLink.getProperty("jna.tmpdir")).isNull();

    Properties launcher = new Properties();
    launcher.setProperty("jna.boot.library.path", "C:\\Program Files\\imageprep\\native");
    WindowsRuntime.keepJnaOutOfTemp(launcher, state);
    assertThat(launcher.getProperty("jna.tmpdir")).isNull();
  }
}
