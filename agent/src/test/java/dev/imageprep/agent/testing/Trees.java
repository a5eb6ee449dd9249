package dev.imageprep.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Small helpers for building real directory trees in tests. */
public final class Trees {

  private Trees() {}

  public static Path write(Path root, String imagePath, String content) throws IOException {
    Path p = root.resolve(imagePath.substring(1));
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  public static Path link(Path root, String imagePath, String target) throws IOException {
    Path p = root.resolve(imagePath.substring(1));
    Files.createDirectories(p.getParent());
    return Files.createSymbolicLink(p, p.getFileSystem().getPath(target));
  }

  /** A real FIFO (mkfifo), which a careless writer would block on forever. */
  public static Path fifo(Path root, String imagePath) throws IOException, InterruptedException {
    Path p = root.resolve(imagePath.substring(1));
    Files.createDirectories(p.getParent());
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
      throw new IOException("mkfifo failed for " + p);
    }
    return p;
  }

  /**
   * A file whose name is the given bytes, whatever the JVM's locale: names that are not valid UTF-8
   * ({@code bad\377\376}) or not ASCII ({@code café} under {@code LANG=C}) cannot be written as a
   * {@code String}, but a {@code file:} URI carries any byte exactly.
   */
  public static Path rawFile(Path dir, byte[] name, String content) throws IOException {
    Path p = rawPath(dir, name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** The path of the entry named by these bytes in a directory (see {@link #rawFile}). */
  public static Path rawPath(Path dir, byte[] name) {
    StringBuilder uri = new StringBuilder(dir.toAbsolutePath().toUri().toString());
    if (uri.charAt(uri.length() - 1) != '/') {
      uri.append('/');
    }
    for (byte b : name) {
      uri.append('%').append(String.format("%02X", b & 0xff));
    }
    return Path.of(java.net.URI.create(uri.toString()));
  }

  /**
   * A chain of directories {@code depth} levels deep under {@code top}, with {@code bottom} written
   * into the deepest; made by the shell, whose {@code cd} keeps going past PATH_MAX where an absolute
   * path (and so java.nio) cannot. Remove it with {@link #removeDeep}.
   */
  public static void deepChain(Path top, int depth, String bottom) throws IOException, InterruptedException {
    Files.createDirectories(top);
    String script = "cd \"$1\" || exit 1\nchunk=$(printf 'd/%.0s' $(seq 100))\n"
        + "for i in $(seq $(($2 / 100))); do mkdir -p \"$chunk\" && cd \"$chunk\" || exit 1; done\n"
        + "for i in $(seq $(($2 % 100))); do mkdir d && cd d || exit 1; done\nprintf %s \"$3\" > bottom\n";
    Process p = new ProcessBuilder("bash", "-c", script, "deep", top.toString(), Integer.toString(depth), bottom)
        .inheritIO().start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("could not make a chain " + depth + " deep under " + top);
    }
  }

  /** Removes a tree of any depth (rm -rf walks by handles; JUnit's temp-dir cleanup cannot). */
  public static void removeDeep(Path top) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("rm", "-rf", "--one-file-system", top.toString()).inheritIO().start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("rm -rf " + top + " failed");
    }
  }

  public static String read(Path root, String imagePath) throws IOException {
    return Files.readString(root.resolve(imagePath.substring(1)));
  }

  public static boolean exists(Path root, String imagePath) {
    return Files.exists(root.resolve(imagePath.substring(1)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
