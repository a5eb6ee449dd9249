package dev.imageprep.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A fresh copy of the real Debian 12 root that testing/debian-root.sh builds once and caches. */
public final class DebianRoot {

  private DebianRoot() {}

  /** Copies a pristine tree to {@code dest} (which must not exist yet). */
  public static Path copyTo(Path dest) throws IOException, InterruptedException {
    Path script = repositoryRoot().resolve("testing/debian-root.sh");
    Process p = new ProcessBuilder("bash", script.toString(), dest.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("testing/debian-root.sh failed (it needs root and debootstrap):\n" + out);
    }
    return dest;
  }

  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("testing/debian-root.sh"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find testing/debian-root.sh above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
