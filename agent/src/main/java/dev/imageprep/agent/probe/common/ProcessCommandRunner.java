package dev.imageprep.agent.probe.common;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes with a C locale, reading both streams concurrently. A bare program
 * name is looked up only in the absolute directories of {@code PATH}: a relative entry ({@code .}, an
 * empty one) would find a program in the working directory, which may lie inside the image being
 * judged.
 */
public final class ProcessCommandRunner implements CommandRunner {

  @Override
  public Optional<Result> run(List<String> command, Duration timeout) {
    List<String> resolved = new ArrayList<>(command);
    if (!File.separator.equals("\\") && !command.get(0).contains("/")) {
      Optional<Path> program = onAbsolutePath(command.get(0), System.getenv().getOrDefault("PATH", ""));
      if (program.isEmpty()) {
        return Optional.empty();
      }
      resolved.set(0, program.get().toString());
    }
    ProcessBuilder pb = new ProcessBuilder(resolved);
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    Process process;
    try {
      process = pb.start();
      process.getOutputStream().close(); // no input, on every platform (Windows has no /dev/null)
    } catch (IOException e) {
      return Optional.empty();
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new CommandTimeoutException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
      }
      return Optional.of(new Result(process.exitValue(), out.join(), err.join()));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CommandTimeoutException(String.join(" ", command) + " was interrupted");
    }
  }

  /** The first executable {@code name} in the absolute entries of a {@code PATH} value. */
  static Optional<Path> onAbsolutePath(String name, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.startsWith("/")) {
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
