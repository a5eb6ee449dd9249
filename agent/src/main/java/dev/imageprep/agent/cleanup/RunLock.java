package dev.imageprep.agent.cleanup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time: an advisory lock on a file that holds the holder's pid. Runs that change files
 * take it exclusively; {@code check} takes it shared, so checks run side by side but never during a
 * cleanup.
 */
public final class RunLock implements Closeable {

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

  public static RunLock acquire(Path file, boolean shared, long pid) throws IOException, HeldException {
    Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock(0, Long.MAX_VALUE, shared);
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

  private static String holder(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(64);
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
