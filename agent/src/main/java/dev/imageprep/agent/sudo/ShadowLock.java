package dev.imageprep.agent.sudo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The locks shadow-utils takes before it rewrites {@code /etc/group} and {@code /etc/gshadow}
 * ({@code gpasswd}, {@code vigr}, {@code usermod}), taken the same way so that neither side writes
 * while the other does:
 *
 * <ol>
 *   <li>{@code lckpwdf(3)}: a POSIX write lock ({@code fcntl}) on {@code /etc/.pwd.lock}, waited for
 *       up to 15 seconds. {@link FileChannel#lock} is {@code fcntl(F_SETLK)} on Linux, so glibc's
 *       {@code lckpwdf} and this lock exclude each other.
 *   <li>For each file, shadow-utils' {@code commonio_lock}: write our pid to {@code FILE.PID},
 *       hard-link it to {@code FILE.lock} (atomic: fails if the lock exists), check the link count is
 *       2, and unlink {@code FILE.PID}. A lock file whose pid is not running is stale and is replaced.
 * </ol>
 *
 * Closing removes the lock files in reverse order and then releases {@code .pwd.lock}.
 */
public final class ShadowLock implements Closeable {

  static final int TRIES = 15;

  private final FileChannel pwdChannel;
  private final FileLock pwdLock;
  private final Deque<Path> lockFiles = new ArrayDeque<>();

  /** Another process holds one of the locks. */
  public static final class BusyException extends IOException {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  private ShadowLock(FileChannel pwdChannel, FileLock pwdLock) {
    this.pwdChannel = pwdChannel;
    this.pwdLock = pwdLock;
  }

  /**
   * @param etc the (host) directory holding {@code group} and {@code gshadow}
   * @param files the databases to lock, in order ({@code group}, {@code gshadow})
   * @param pid this process's id, written into the lock files
   * @param alive whether a pid found in an existing lock file belongs to a running process
   * @param pause waits between tries (a second in real use)
   */
  public static ShadowLock acquire(Path etc, List<String> files, long pid, LongPredicate alive, Runnable pause)
      throws IOException {
    FileChannel ch = FileChannel.open(etc.resolve(".pwd.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    FileLock lock = null;
    try {
      for (int i = 0; i < TRIES && lock == null; i++) {
        if (i > 0) {
          pause.run();
        }
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held inside this JVM: as busy as any other holder
        }
      }
      if (lock == null) {
        throw new BusyException(etc.resolve(".pwd.lock") + " is locked by another process (useradd, passwd, vipw…)");
      }
      Files.setPosixFilePermissions(etc.resolve(".pwd.lock"), PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    ShadowLock held = new ShadowLock(ch, lock);
    try {
      for (String name : files) {
        held.lockFile(etc.resolve(name), pid, alive, pause);
      }
    } catch (IOException | RuntimeException e) {
      held.close();
      throw e;
    }
    return held;
  }

  private void lockFile(Path file, long pid, LongPredicate alive, Runnable pause) throws IOException {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    Path mine = file.resolveSibling(file.getFileName() + "." + pid);
    String problem = null;
    for (int i = 0; i < TRIES; i++) {
      if (i > 0) {
        pause.run();
      }
      problem = tryLinkLock(mine, lock, pid, alive);
      if (problem == null) {
        lockFiles.push(lock);
        return;
      }
    }
    throw new BusyException(problem);
  }

  /** One attempt of commonio's do_lock_file; returns null on success, or why it failed. */
  private static String tryLinkLock(Path mine, Path lock, long pid, LongPredicate alive) throws IOException {
    try (FileChannel ch = FileChannel.open(mine, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      // shadow-utils writes the pid with its terminating NUL
      ch.write(ByteBuffer.wrap((pid + "\0").getBytes(StandardCharsets.US_ASCII)));
      ch.force(false);
    }
    try {
      if (link(mine, lock)) {
        return null;
      }
      String holder = holder(lock);
      if (holder == null) {
        return lock + " exists without a pid; remove it if no gpasswd, vigr or useradd is running";
      }
      if (alive.test(Long.parseLong(holder))) {
        return lock + " is held by pid " + holder;
      }
      Files.deleteIfExists(lock); // stale: its process is gone
      return link(mine, lock) ? null : lock + " was taken by another process";
    } finally {
      Files.deleteIfExists(mine);
    }
  }

  private static boolean link(Path mine, Path lock) throws IOException {
    try {
      Files.createLink(lock, mine);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    Object links = Files.getAttribute(mine, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    return links instanceof Integer n && n == 2;
  }

  private static String holder(Path lock) throws IOException {
    try {
      String text = new String(Files.readAllBytes(lock), StandardCharsets.US_ASCII).replace("\0", "").strip();
      return text.matches("[0-9]{1,10}") ? text : null;
    } catch (NoSuchFileException e) {
      return "0"; // released meanwhile: pid 0 is never alive, so the next try takes it
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    while (!lockFiles.isEmpty()) {
      try {
        Files.deleteIfExists(lockFiles.pop());
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    try {
      pwdLock.release();
    } finally {
      pwdChannel.close();
    }
    if (first != null) {
      throw first;
    }
  }
}
