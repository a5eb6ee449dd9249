package dev.imageprep.rules.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The image's filesystem, read-only, as the image's own system would resolve it. Every directory on
 * the way is resolved inside the image root (an absolute symlink such as {@code /var/lock ->
 * /run/lock} leads to the image's {@code /run/lock}); the last component is never followed unless a
 * method says so. Nothing ever resolves outside the root.
 */
public interface ImageFiles {

  /**
   * No-follow {@code lstat} of a path.
   *
   * @return the entry, {@code Known(empty)} if it does not exist, or {@code Unknown} if it could not
   *     be looked at (permission denied, I/O error, a loop of symlinks)
   */
  Fact<Optional<FileInfo>> stat(ImagePath path);

  /**
   * Resolves every symlink of a path inside the root, the last component included, as opening it
   * would.
   *
   * @return the resolved path, or {@code Unknown} for a loop or an unreadable link
   */
  Fact<ImagePath> resolve(ImagePath path);

  /**
   * The entries of a directory, sorted by name; a symlink to a directory is followed (inside the
   * root) as a directory on the way would be, the entries themselves are not.
   *
   * @return the entries, {@code Known(empty list)} if the path is missing or not a directory, or
   *     {@code Unknown} if it could not be read
   */
  Fact<List<FileInfo>> list(ImagePath directory);

  /**
   * Reads up to {@code maxBytes} of a regular file as UTF-8 (malformed bytes replaced). A symlink as
   * the last component is followed inside the root, as a program reading the file would.
   *
   * @return the text, {@code Known(empty)} if there is no such regular file, or {@code Unknown}
   */
  Fact<Optional<String>> readText(ImagePath path, long maxBytes);

  /**
   * Streams the entries of a directory, as {@link #list} would return them, without holding them all:
   * a directory of a million entries is read in flat memory. Small directories come in name order;
   * implementations may hand over very large ones in the order the filesystem lists them.
   *
   * @return how many entries were handed over, or {@code Unknown} if the directory could not be read
   *     (entries handed over before the failure stay handed over)
   */
  default Fact<Long> forEachEntry(ImagePath directory, Consumer<FileInfo> each) {
    Fact<List<FileInfo>> entries = list(directory);
    if (!entries.isKnown()) {
      return Fact.unknown(entries.reason());
    }
    entries.value().forEach(each);
    return Fact.known((long) entries.value().size());
  }

  /**
   * Bytes of the regular files at and below a path, never following a symlink. The default walks
   * with {@link #list}, iteratively (a tree thousands deep is no deeper for it than a flat one);
   * implementations may walk faster.
   *
   * @return the total, or {@code Unknown} if part of the tree could not be read
   */
  default Fact<Long> treeBytes(ImagePath path) {
    Fact<Optional<FileInfo>> stat = stat(path);
    if (!stat.isKnown()) {
      return Fact.unknown(stat.reason());
    }
    if (stat.value().isEmpty()) {
      return Fact.known(0L);
    }
    FileInfo top = stat.value().get();
    long total = 0;
    Deque<FileInfo> pending = new ArrayDeque<>(List.of(top));
    while (!pending.isEmpty()) {
      FileInfo info = pending.pop();
      if (!info.isDirectory()) {
        total += info.isRegular() ? info.size() : 0L;
        continue;
      }
      Fact<List<FileInfo>> entries = list(info.path());
      if (!entries.isKnown()) {
        return Fact.unknown(entries.reason());
      }
      entries.value().forEach(pending::push);
    }
    return Fact.known(total);
  }
}
