package dev.imageprep.agent.probe.linux.handle;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The few Linux system calls that java.nio does not offer on a file descriptor, bound with JNA's
 * direct mapping: {@code openat}, {@code statx} (link count, device, inode and mount id of what a
 * descriptor or a name relative to it is), {@code getdents64} (names as raw bytes), {@code unlinkat},
 * and the read, write, truncate and sync calls of a descriptor. statx and getdents64 go through
 * {@code syscall(2)}, since glibc before 2.28/2.30 (Amazon Linux 2) has no wrapper. This is the only
 * class with native code for Linux; everything else uses {@link DirHandle} and {@link FileHandle}.
 */
final class LinuxCalls {

  static final int AT_FDCWD = -100;
  static final int AT_SYMLINK_NOFOLLOW = 0x100;
  static final int AT_REMOVEDIR = 0x200;
  static final int AT_NO_AUTOMOUNT = 0x800;
  static final int AT_EMPTY_PATH = 0x1000;

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 1;
  static final int O_RDWR = 2;
  static final int O_NOCTTY = 0x100;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int O_DIRECTORY;
  static final int O_NOFOLLOW;

  static final int STATX_BASIC_STATS = 0x7ff;
  static final int STATX_MNT_ID = 0x1000;
  static final long STATX_ATTR_IMMUTABLE = 0x10;
  static final long STATX_ATTR_MOUNT_ROOT = 0x2000;

  static final int ENOENT = 2;
  static final int EINTR = 4;
  static final int EBUSY = 16;
  static final int ENOTDIR = 20;
  static final int EISDIR = 21;
  static final int ENOSYS = 38;
  static final int ELOOP = 40;

  private static final long SYS_STATX;
  private static final long SYS_GETDENTS64;

  /** Why the calls cannot be used here, or null when they can. */
  static final String UNAVAILABLE;

  static {
    boolean arm = "aarch64".equals(System.getProperty("os.arch"));
    O_DIRECTORY = arm ? 0x4000 : 0x10000;
    O_NOFOLLOW = arm ? 0x8000 : 0x20000;
    SYS_STATX = arm ? 291 : 332;
    SYS_GETDENTS64 = arm ? 61 : 217;
    String reason = null;
    String arch = System.getProperty("os.arch");
    if (!Platform.isLinux() || !("amd64".equals(arch) || "x86_64".equals(arch) || arm)) {
      reason = "not Linux on x86_64 or aarch64";
    } else {
      try {
        Native.register(LinuxCalls.class, Platform.C_LIBRARY_NAME);
      } catch (Throwable t) { // UnsatisfiedLinkError and friends: JNA's native part did not load
        reason = "JNA could not load (" + t + ")";
      }
    }
    UNAVAILABLE = reason;
  }

  private LinuxCalls() {}

  static native int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

  static native int close(int fd) throws LastErrorException;

  static native int unlinkat(int dirfd, byte[] path, int flags) throws LastErrorException;

  static native int fsync(int fd) throws LastErrorException;

  static native long readlinkat(int dirfd, byte[] path, byte[] buf, long size) throws LastErrorException;

  static native int ftruncate(int fd, long length) throws LastErrorException;

  static native long pread(int fd, byte[] buf, long count, long offset) throws LastErrorException;

  static native long pwrite(int fd, byte[] buf, long count, long offset) throws LastErrorException;

  private static native long syscall(long number, int dirfd, byte[] path, int flags, int mask, byte[] statx)
      throws LastErrorException;

  private static native long syscall(long number, int fd, byte[] buffer, long count) throws LastErrorException;

  static void statx(int dirfd, byte[] path, int flags, byte[] statx) throws LastErrorException {
    syscall(SYS_STATX, dirfd, path, flags, STATX_BASIC_STATS | STATX_MNT_ID, statx);
  }

  static int getdents64(int fd, byte[] buffer) throws LastErrorException {
    return (int) syscall(SYS_GETDENTS64, fd, buffer, buffer.length);
  }

  /** A NUL-terminated copy of a name, as the C calls want it. */
  static byte[] cString(byte[] name) {
    byte[] c = new byte[name.length + 1];
    System.arraycopy(name, 0, c, 0, name.length);
    return c;
  }

  /** The java.nio exception for an errno, naming the file as the user knows it. */
  static IOException error(LastErrorException e, String file) {
    int errno = e.getErrorCode();
    String reason = strerror(e);
    return switch (errno) {
      case ENOENT -> new NoSuchFileException(file, null, reason);
      case 13 -> new AccessDeniedException(file, null, reason); // EACCES; EPERM (immutable, append-only) says itself
      case ENOTDIR -> new NotDirectoryException(file);
      case 39 -> new DirectoryNotEmptyException(file); // ENOTEMPTY
      case EBUSY -> new DirHandle.BusyException(file, reason);
      default -> new FileSystemException(file, null, reason);
    };
  }

  /** JNA's message is "[errno] text"; the text alone reads better in a report. */
  static String strerror(LastErrorException e) {
    String m = e.getMessage();
    int close = m == null ? -1 : m.indexOf("] ");
    return close >= 0 ? m.substring(close + 2) : String.valueOf(m);
  }
}
