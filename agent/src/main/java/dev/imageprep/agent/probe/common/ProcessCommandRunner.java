package dev.imageprep.agent.probe.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes with a C locale, reading both streams concurrently. */
public final class ProcessCommandRunner implements CommandRunner {

  @Override
  public Optional<Result> run(List<String> command, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command);
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
