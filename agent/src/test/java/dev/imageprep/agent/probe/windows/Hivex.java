package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * hivexregedit, the independent reader (and writer) of hive files the tests compare with: Debian's
 * {@code libwin-hivex-perl} (hivexregedit) on {@code libhivex-bin}'s library. Missing, it fails the
 * test; {@code .ci/run} installs it.
 */
final class Hivex {

  private Hivex() {}

  /** {@code hivexregedit --export HIVE '\'}: every key, values as hex(N) bytes, paths from {@code \}. */
  static String export(Path hive) throws IOException, InterruptedException {
    Path out = Files.createTempFile(hive.getParent(), "hivex", ".reg");
    run(out, "hivexregedit", "--export", hive.toString(), "\\");
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** {@code hivexregedit --merge HIVE FILE}: writes the keys of a .reg file into a hive. */
  static void merge(Path hive, Path reg) throws IOException, InterruptedException {
    run(null, "hivexregedit", "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\TEST", hive.toString(), reg.toString());
  }

  private static void run(Path output, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(output == null);
    if (output != null) {
      pb.redirectOutput(output.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("hivexregedit is needed (apt-get install libwin-hivex-perl libhivex-bin; .ci/run"
          + " installs them): " + e.getMessage(), e);
    }
    String err = new String((output == null ? p.getInputStream() : p.getErrorStream()).readAllBytes(),
        StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + err);
    }
  }
}
