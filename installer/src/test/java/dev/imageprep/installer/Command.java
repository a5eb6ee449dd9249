package dev.imageprep.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an outside tool and keeps what it said; the integration tests' only way to touch the system. */
record Command(int exitCode, String output) {

  static Command run(List<String> command) throws IOException, InterruptedException {
    return run(command, null);
  }

  /** Runs {@code command} with stdout and stderr merged, stdin closed, for at most ten minutes. */
  static Command run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
    Path log = Files.createTempFile("imageprep-it", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (workingDirectory != null) {
        pb.directory(workingDirectory.toFile());
      }
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      return new Command(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static boolean available(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + ":\n" + output;
  }
}
