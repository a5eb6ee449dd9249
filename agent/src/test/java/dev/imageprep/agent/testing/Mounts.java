package dev.imageprep.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real mounts for tests (CI runs as root): bind mounts and tmpfs made with mount(8), all unmounted by
 * {@link #close()}, which a test calls in {@code finally} (or uses try-with-resources).
 */
public final class Mounts implements AutoCloseable {

  private final Deque<Path> mounted = new ArrayDeque<>();

  /** Skips the test where mounting is not allowed (not root, no CAP_SYS_ADMIN). */
  public static Mounts required() {
    assumeTrue(isRoot(), "mounting needs root");
    return new Mounts();
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * A tmpfs of {@code size} (mount(8)'s syntax: 64k, 1m) with extra options ("ro"), for a test that
   * unmounts it itself with {@link #unmount} in {@code finally}.
   */
  public static void tmpfs(Path dir, String size, String... options) throws IOException {
    String opts = "size=" + size + (options.length == 0 ? "" : "," + String.join(",", options));
    run("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir.toString());
  }

  public static void unmount(Path dir) throws IOException {
    run("umount", dir.toString());
  }

  public Path bind(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    run("mount", "--bind", source.toString(), target.toString());
    mounted.push(target);
    return target;
  }

  /** A bind mount of one file over another (the target file must exist). */
  public Path bindFile(Path source, Path target) throws IOException {
    run("mount", "--bind", source.toString(), target.toString());
    mounted.push(target);
    return target;
  }

  public Path tmpfs(Path target) throws IOException {
    Files.createDirectories(target);
    run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", target.toString());
    mounted.push(target);
    return target;
  }

  /** Unmounts, innermost first; a busy mount is detached lazily so the test's temp dir can go. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    while (!mounted.isEmpty()) {
      Path p = mounted.pop();
      try {
        run("umount", p.toString());
      } catch (IOException e) {
        try {
          run("umount", "-l", p.toString());
        } catch (IOException again) {
          first = first == null ? again : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void run(String... command) throws IOException {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
