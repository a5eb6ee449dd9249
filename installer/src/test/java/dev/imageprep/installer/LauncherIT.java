package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JVM options per command: check and prepare, whose secret scan reads the whole
 * image, get full tiered compilation (C2); every other command starts C1 only. Asked of the real
 * JVM with {@code -XX:+PrintCommandLineFlags}.
 */
class LauncherIT {

  private static String flags(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(Build.APP.resolve("bin/imageprep").toString()));
    pb.command().addAll(List.of(args));
    pb.environment().put("IMAGEPREP_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().filter(l -> l.contains("-XX:")).findFirst().orElse(out);
  }

  @Test
  void scansRunWithC2AndShortCommandsWithC1Only() throws Exception {
    assertThat(flags("--version")).contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
    assertThat(flags("rules", "list")).contains("-XX:TieredStopAtLevel=1");
    assertThat(flags("check", "--help")).doesNotContain("TieredStopAtLevel").contains("-XX:+UseSerialGC");
    assertThat(flags("prepare", "--help")).doesNotContain("TieredStopAtLevel");
  }
}
