package dev.imageprep.agent.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line in a separate JVM built from the test class path, for what only a new
 * process can show: the locale the JVM starts under ({@code sun.jnu.encoding} follows {@code LANG}
 * and cannot be overridden), a small heap ({@code -Xmx}), a real exit code, and whatever the JVM
 * itself prints (a stack trace) on stderr.
 */
public final class ForkedJvm {

  /** What the process printed and returned; stdout and stderr are kept as raw bytes. */
  public record Result(int exitCode, byte[] out, byte[] err) {
    public String outText() {
      return new String(out, StandardCharsets.UTF_8);
    }

    public String errText() {
      return new String(err, StandardCharsets.UTF_8);
    }
  }

  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();

  public ForkedJvm jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** Sets LANG and LC_ALL (and clears LC_CTYPE), the way a login shell or systemd unit would. */
  public ForkedJvm locale(String locale) {
    env.put("LANG", locale);
    env.put("LC_ALL", locale);
    env.put("LC_CTYPE", locale);
    return this;
  }

  public Result run(Path workingDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.imageprep.agent.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().putAll(env);
    pb.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile(workingDir, "out", ".bin");
    Path err = Files.createTempFile(workingDir, "err", ".bin");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the forked CLI did not finish: " + command);
    }
    Result r = new Result(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
