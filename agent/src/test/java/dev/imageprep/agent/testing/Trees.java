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

  public static String read(Path root, String imagePath) throws IOException {
    return Files.readString(root.resolve(imagePath.substring(1)));
  }

  public static boolean exists(Path root, String imagePath) {
    return Files.exists(root.resolve(imagePath.substring(1)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
