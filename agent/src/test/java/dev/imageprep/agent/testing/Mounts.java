package dev.imageprep.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Real mounts for tests that run as root (CI does): mount in the test, always unmount in finally. */
public final class Mounts {

  private Mounts() {}

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** A tmpfs of {@code size} (mount(8)'s syntax: 64k, 1m) with extra options ("ro"), or none. */
  public static void tmpfs(Path dir, String size, String... options) throws IOException, InterruptedException {
    String opts = "size=" + size + (options.length == 0 ? "" : "," + String.join(",", options));
    run("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir.toString());
  }

  public static void bind(Path from, Path to) throws IOException, InterruptedException {
    run("mount", "--bind", from.toString(), to.toString());
  }

  public static void unmount(Path dir) throws IOException, InterruptedException {
    run("umount", dir.toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }
}
