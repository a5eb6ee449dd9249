package dev.imageprep.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, as a person's browser for the HTML report: a fresh profile, no
 * network services, and only {@code --dump-dom} and {@code --screenshot}, which need no extra
 * libraries. The binary is /usr/bin/chromium unless {@code IMAGEPREP_CHROMIUM} names another.
 */
public final class Chromium {

  private final Path binary;
  private final Path scratch;

  public Chromium(Path scratch) {
    String configured = System.getenv("IMAGEPREP_CHROMIUM");
    this.binary = Path.of(configured != null ? configured : "/usr/bin/chromium");
    this.scratch = scratch;
  }

  public boolean installed() {
    return Files.isExecutable(binary);
  }

  /** The DOM after the page loaded, serialized. */
  public String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, List.of("--dump-dom"), "dom");
  }

  /** A PNG of the page at the given window size. */
  public Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    run(page, List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png), "shot");
    return png;
  }

  private String run(Path page, List<String> extra, String tag) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(scratch, "chromium-profile-");
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Path out = scratch.resolve(tag + "-stdout.txt");
    Path err = scratch.resolve(tag + "-stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
