package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the process must settle before it touches Windows: it is not a 32-bit process under WOW64,
 * and JNA does not unpack its DLL into {@code %TEMP%}.
 */
public final class WindowsRuntime {

  private WindowsRuntime() {}

  /**
   * A 32-bit JVM on 64-bit Windows runs under WOW64, which redirects {@code System32} to {@code
   * SysWOW64} and registry reads to {@code Wow6432Node}: every check would judge the 32-bit view.
   * WOW64 sets {@code PROCESSOR_ARCHITEW6432} in the environment of 32-bit processes only ("WOW64
   * Implementation Details", Win32 docs).
   *
   * @param dataModel {@code sun.arch.data.model} ("32" or "64"), or null
   * @param env the environment, looked up without regard to case
   * @return why imageprep refuses to run, or empty
   */
  public static Optional<String> wow64Refusal(String osArch, String dataModel, Map<String, String> env) {
    boolean jvm32 = "32".equals(dataModel) || dataModel == null && ("x86".equals(osArch) || "i386".equals(osArch));
    String native64 = env.get("PROCESSOR_ARCHITEW6432");
    if (!jvm32 || native64 == null) {
      return Optional.empty();
    }
    return Optional.of("this is a 32-bit Java on 64-bit Windows (" + native64 + "): under WOW64 it would read"
        + " SysWOW64 instead of System32 and the 32-bit registry view; run imageprep with a 64-bit Java");
  }

  /**
   * Points {@code jna.tmpdir} at imageprep's state directory: JNA unpacks its DLL under {@code
   * %TEMP%} otherwise, inside the {@code user-temp} cleanup item, where it is in use by this very
   * process. Only an existing plain directory is used (the installer creates it with an
   * administrators-only DACL); the launcher makes this moot by loading the DLL from the install
   * folder ({@code jna.boot.library.path}).
   */
  public static void keepJnaOutOfTemp(Properties props, Path stateDir) {
    if (props.getProperty("jna.tmpdir") != null || props.getProperty("jna.boot.library.path") != null) {
      return;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(stateDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isDirectory() && !a.isOther()) {
        props.setProperty("jna.tmpdir", stateDir.resolve("jna").toString());
      }
    } catch (IOException e) {
      // no state directory yet: JNA's default stays
    }
  }
}
