package dev.imageprep.agent.probe.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks at one directory entry without following it. The JDK's no-follow attributes do on POSIX
 * systems; Windows needs its own reader ({@code WindowsEntries}), which reads reparse tags, file
 * identity and link counts.
 */
@FunctionalInterface
public interface EntryReader {

  /**
   * @return the entry's own attributes (a link's, never its target's)
   * @throws java.nio.file.NoSuchFileException when there is no such entry
   */
  BasicFileAttributes read(Path entry) throws IOException;

  /**
   * The names in a directory, read and closed at once. Only plain directories are listed: a walk
   * never lists a link, so a Windows junction that denies listing to everyone is never an error.
   */
  default List<Path> list(Path directory) throws IOException {
    List<Path> names = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path p : stream) {
        names.add(p.getFileName());
      }
    }
    return names;
  }

  /** The JDK's no-follow attributes. */
  EntryReader NIO = entry -> Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);

  /** Hard links of an entry: what a classified reader said, else {@code unix:nlink}, else 1. */
  static int links(Path entry, BasicFileAttributes attrs) {
    if (attrs instanceof ClassifiedAttributes c) {
      return c.links();
    }
    try {
      Map<String, Object> unix = Files.readAttributes(entry, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return unix.get("nlink") instanceof Number n ? n.intValue() : 1;
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return 1;
    }
  }
}
