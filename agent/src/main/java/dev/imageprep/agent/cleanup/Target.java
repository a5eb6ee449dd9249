package dev.imageprep.agent.cleanup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * One directory entry, reached without following any symlink: its parent directory is held open,
 * and every operation names the entry relative to it ({@code openat}, {@code unlinkat}). If a
 * directory on the way is swapped for a symlink after planning, opening the target fails instead of
 * following it.
 */
public interface Target extends Closeable {

  /**
   * No-follow attributes of the entry, or empty when it is gone.
   *
   * @throws MountPointException if the entry is a mount point (a file or directory mounted there)
   */
  Optional<BasicFileAttributes> lstat() throws IOException;

  /** Removes a non-directory entry; a symlink is removed as a link. */
  void unlink() throws IOException;

  /**
   * Removes a directory and everything below it, never following a symlink and never descending
   * into another filesystem or mount.
   *
   * @throws MountPointException when something was mounted inside: it and the directories above it stay
   */
  void removeTree() throws IOException;

  /**
   * Opens the entry for writing (and reading) without following a symlink at its name, and checks
   * what was opened: a regular file, the one {@link #lstat()} saw, with no other hard link (writing
   * would change it under its other names too), on the image's own filesystem. Where the platform
   * allows (Linux), the checks are made on the opened descriptor itself.
   *
   * @throws RefusedException when one of the checks fails; nothing was written
   */
  SeekableByteChannel openForWrite() throws IOException;

  /** Flushes the parent directory, so an unlink reaches the disk. Best effort, and may be deferred. */
  void syncParent();

  @Override
  void close() throws IOException;
}
