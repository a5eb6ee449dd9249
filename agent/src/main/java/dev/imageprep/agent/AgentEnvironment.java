package dev.imageprep.agent;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything the commands take from the process around them, in one place, so tests can run the real
 * command line against temporary trees, a fixed clock and scripted answers.
 *
 * @param fileSystem where {@code --root}, {@code --rules} and {@code --output} paths live
 * @param env environment variables ({@code NO_COLOR}, {@code SSH_CONNECTION})
 * @param interactive whether a person can answer a confirmation prompt
 * @param answers where a person's answers come from
 * @param uid the effective user id, when known
 * @param stateDir where locks and journals go unless {@code --state-dir} says otherwise
 * @param workingDirectory this process's working directory, kept by every cleanup
 */
public record AgentEnvironment(
    FileSystem fileSystem,
    Clock clock,
    Map<String, String> env,
    boolean interactive,
    BufferedReader answers,
    OptionalInt uid,
    Path stateDir,
    Path workingDirectory,
    long pid,
    CommandRunner runner) {

  /** The real process: default filesystem, system clock, the console. */
  public static AgentEnvironment system() {
    FileSystem fs = FileSystems.getDefault();
    boolean windows = fs.getSeparator().equals("\\");
    Map<String, String> env = environment(System.getenv(), windows);
    return new AgentEnvironment(fs, Clock.systemUTC(), env, System.console() != null,
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), effectiveUid(fs),
        fs.getPath(windows ? env.getOrDefault("ProgramData", "C:\\ProgramData") + "\\imageprep" : "/run/imageprep"),
        fs.getPath("").toAbsolutePath(), ProcessHandle.current().pid(), new ProcessCommandRunner());
  }

  /**
   * The environment as the platform names it: Windows ignores case in variable names ({@code
   * SystemDrive}, {@code SYSTEMDRIVE}), but the map {@code System.getenv()} returns does not (only
   * {@code System.getenv(String)} does: ProcessEnvironment.java, Windows).
   */
  public static Map<String, String> environment(Map<String, String> env, boolean windows) {
    if (!windows) {
      return env;
    }
    Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(env);
    return Collections.unmodifiableMap(folded);
  }

  /** The effective uid from /proc/self/status (Linux); empty elsewhere. */
  static OptionalInt effectiveUid(FileSystem fs) {
    try {
      for (String line : Files.readAllLines(fs.getPath("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return OptionalInt.of(Integer.parseInt(line.substring(4).strip().split("\\s+")[1]));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  /** ANSI colour: only on a terminal, never when NO_COLOR is set to anything but "" (no-color.org). */
  public boolean colorAllowed() {
    return interactive && env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
  }
}
