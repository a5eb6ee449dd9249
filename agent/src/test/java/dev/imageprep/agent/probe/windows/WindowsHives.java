package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tukaani.xz.XZInputStream;

/**
 * Registry hives written by Windows: the public test data in {@code ../shared/testdata/windows-hives}
 * beside the checkout (where CI places it; {@code -Dimageprep.windowsHives=DIR} points elsewhere),
 * decompressed into a test's temporary folder, never into the repository. When the data is missing
 * the test fails rather than skips, so that a run without it cannot pass for one with it; leave
 * these tests out on purpose with {@code -Dsurefire.excludedGroups=windows-hives}.
 */
public final class WindowsHives {

  /** The JUnit tag of the tests that read these hives (and run hivexregedit beside them). */
  public static final String TAG = "windows-hives";

  private WindowsHives() {}

  /** The folder of the compressed hives. */
  public static Path source() {
    String override = System.getProperty("imageprep.windowsHives");
    if (override != null && !override.isBlank()) {
      return existing(Path.of(override));
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve(".ci/run"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("cannot find the checkout (no .ci/run above " + Path.of("").toAbsolutePath() + ")");
    }
    return existing(dir.resolveSibling("shared").resolve("testdata/windows-hives"));
  }

  private static Path existing(Path dir) {
    if (!Files.isRegularFile(dir.resolve("SYSTEM.xz"))) {
      throw new AssertionError("the hives written by Windows are not at " + dir + ": place the shared test data beside"
          + " the checkout (as CI does), point -Dimageprep.windowsHives=DIR at it, or leave these tests out with"
          + " -Dsurefire.excludedGroups=" + TAG);
    }
    return dir;
  }

  /** Decompresses {@code name}.xz into {@code dir} under the same name. */
  public static Path copy(String name, Path dir) {
    return copy(name, dir, name);
  }

  /** Decompresses {@code name}.xz into {@code dir} as {@code as}. */
  public static Path copy(String name, Path dir, String as) {
    Path target = dir.resolve(as);
    try (InputStream in = new XZInputStream(Files.newInputStream(source().resolve(name + ".xz")))) {
      Files.createDirectories(dir);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
