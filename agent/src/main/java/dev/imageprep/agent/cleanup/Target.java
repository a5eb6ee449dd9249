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

  /** No-follow attributes of the entry, or empty when it is gone. */
  Optional<BasicFileAttributes> lstat() throws IOException;

  /** Hard link count of the entry, or 1 when the filesystem does not say. */
  int linkCount() throws IOException;

  /** Removes a non-directory entry; a symlink is removed as a link. */
  void unlink() throws IOException;

  /**
   * Removes a directory and everything below it, never following a symlink and never descending
   * into another filesystem.
   */
  void removeTree() throws IOException;

  /** Opens a regular file for writing without following a symlink at its name. */
  SeekableByteChannel openForWrite() throws IOException;

  /**
   * Opens a regular file for reading and writing without following a symlink at its name. Targets
   * that cannot (test doubles) keep this default, which refuses.
   */
  default SeekableByteChannel openForUpdate() throws IOException {
    throw new IOException("this target cannot open files for update");
  }

  /** Flushes the parent directory, so an unlink reaches the disk. Best effort. */
  void syncParent();

  @Override
  void close() throws IOException;
}
