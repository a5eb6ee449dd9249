package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.ReparsePoints;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * A target on a filesystem without directory handles: every directory on the way is checked with a
 * no-follow {@code lstat} just before the operation, and operations themselves never follow the last
 * component. The window between check and act is small but not closed; the docs say so.
 */
final class CheckedPathTarget implements Target {

  private final ImagePath path;
  private final Path host;

  CheckedPathTarget(Path root, ImagePath path) throws IOException {
    this.path = path;
    Path p = root;
    for (String name : path.parent().names()) {
      p = p.resolve(name);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new ChangedException("a directory on the way is gone: " + name);
      }
      if (ReparsePoints.isLink(a) || a.isOther() || !a.isDirectory()) {
        throw new ChangedException("a directory on the way is no longer a plain directory: " + name);
      }
    }
    this.host = p.resolve(path.fileName());
  }

  @Override
  public Optional<BasicFileAttributes> lstat() throws IOException {
    try {
      return Optional.of(Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void unlink() throws IOException {
    InUseException.rethrow(host, () -> Files.delete(host)); // deletes a link itself, never its target
  }

  @Override
  public void removeTree() throws IOException {
    Optional<BasicFileAttributes> top = lstat();
    if (top.isPresent() && ReparsePoints.isLink(top.get())) {
      unlink(); // a junction or mount point: RemoveDirectory removes the link, not what it leads to
      return;
    }
    Optional<String> device = top.flatMap(CheckedPathTarget::deviceOf);
    Files.walkFileTree(host, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (ReparsePoints.isDirectoryReparsePoint(attrs)) {
              // Files.walkFileTree would walk into a Windows junction: remove the link itself instead
              InUseException.rethrow(dir, () -> Files.delete(dir));
              return FileVisitResult.SKIP_SUBTREE;
            }
            Optional<String> d = deviceOf(attrs);
            if (device.isPresent() && d.isPresent() && !device.equals(d)) {
              throw new MountPointException(dir + " is on another filesystem; not removed");
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            InUseException.rethrow(file, () -> Files.delete(file));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            InUseException.rethrow(dir, () -> Files.delete(dir));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public SeekableByteChannel openForWrite() throws IOException {
    // no descriptor to ask here: the checks look at the path just before opening it, no-follow
    Optional<BasicFileAttributes> before = lstat();
    if (before.isEmpty() || !before.get().isRegularFile()) {
      throw new RefusedException("refused: no longer a regular file");
    }
    int links = linkCount();
    if (links > 1) {
      throw new RefusedException(Planner.hardLinks(links, "written"));
    }
    return Files.newByteChannel(host, java.util.Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS));
  }

  private int linkCount() throws IOException {
    try {
      Map<String, Object> a = Files.readAttributes(host, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return a.get("nlink") instanceof Number n ? n.intValue() : 1;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return 1; // Windows and jimfs do not say; Windows hard links are rare on system files
    }
  }

  @Override
  public void syncParent() {
    // nothing portable to do here
  }

  @Override
  public void close() {
    // holds no handles
  }

  private static final java.util.regex.Pattern DEV = java.util.regex.Pattern.compile("dev=([0-9a-fA-F]+)");

  /** The device part of a file key, where the filesystem has one. */
  static Optional<String> deviceOf(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    if (key == null) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = DEV.matcher(key.toString());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
