package dev.imageprep.agent.cleanup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * One run at a time: a lock on a file that holds the holder's pid. Runs that change files take it
 * exclusively; {@code check} takes it shared, so checks run side by side but never during a cleanup.
 * The file is named after the tree, not the path that reached it (see {@link #fileName}). The lock
 * covers one byte far past the pid record: on Windows {@code LockFileEx} locks are mandatory, so a
 * lock over the record would keep the second run from reading who holds it.
 */
public final class RunLock implements Closeable {

  /** The running system's lock (and that of a --root that is the running system's root). */
  private static final String LIVE = "imageprep.lock";
  /** The holder's record ({@code pid N}) lives in the first bytes. */
  static final int RECORD_BYTES = 64;
  /** The byte that is locked: past any record, and locking beyond the end of a file is allowed. */
  static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Another run holds the lock. */
  public static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String holder;

    HeldException(String holder, Path file) {
      super("another imageprep run (" + holder + ") holds the lock " + file);
      this.holder = holder;
    }

    public String holder() {
      return holder;
    }
  }

  /**
   * The lock file's name for a tree: the running system has one lock, a mounted root one keyed on its
   * identity (device and inode of the root directory), so that every path reaching the same tree (a
   * bind mount, a symlink, {@code --root /}) takes the same lock. Where the filesystem has no such
   * identity (Windows), the path string has to do.
   *
   * @param root the tree's root, symlinks resolved
   */
  public static String fileName(Path root, boolean offline) {
    if (!offline) {
      return LIVE;
    }
    Optional<String> tree = identity(root);
    if (tree.isEmpty()) {
      return "root-" + digest(root.toString()) + ".lock";
    }
    for (Path top : root.getFileSystem().getRootDirectories()) {
      if (tree.equals(identity(top))) {
        return LIVE; // --root / is the running system
      }
    }
    return "tree-" + tree.get() + ".lock";
  }

  /** Device and inode of a directory, in hex, or empty where the filesystem does not say. */
  static Optional<String> identity(Path dir) {
    try {
      Map<String, Object> a = Files.readAttributes(dir, "unix:dev,ino");
      if (a.get("dev") instanceof Number dev && a.get("ino") instanceof Number ino) {
        return Optional.of(Long.toHexString(dev.longValue()) + "-" + Long.toHexString(ino.longValue()));
      }
      return Optional.empty();
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunLock acquire(Path file, boolean shared, long pid) throws IOException, HeldException {
    Files.createDirectories(file.getParent());
    FileChannel ch = open(file, shared);
    FileLock lock;
    try {
      lock = ch.tryLock(LOCKED_BYTE, 1, shared);
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = holder(ch);
      ch.close();
      throw new HeldException(holder, file);
    }
    if (!shared) {
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(("pid " + pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      ch.force(false);
    }
    return new RunLock(ch, lock);
  }

  /**
   * A check that may not write there (a user's check under a directory only administrators write)
   * still takes its shared lock on the file the installer or an elevated run made.
   */
  private static FileChannel open(Path file, boolean shared) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      if (!shared || !Files.exists(file)) {
        throw e;
      }
      return FileChannel.open(file, StandardOpenOption.READ);
    }
  }

  /** The locked region, for tests. */
  long lockedFrom() {
    return lock.position();
  }

  private static String holder(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(RECORD_BYTES);
      ch.read(buf, 0);
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
      return text.isEmpty() ? "a check" : text;
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
