package dev.imageprep.agent.probe.linux.handle;

import com.sun.jna.LastErrorException;
import dev.imageprep.rules.host.FileNames;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open directory (a file descriptor) and what can be done to the entries in it by name, never
 * following a symlink at the name: look ({@code statx}), list ({@code getdents64}, names as raw
 * bytes), open a subdirectory or a file ({@code openat} with {@code O_NOFOLLOW}), remove ({@code
 * unlinkat}). A directory reached this way stays the same directory whatever is renamed or swapped
 * for a symlink above it afterwards.
 */
public final class DirHandle implements AutoCloseable {

  /** {@code ..}, to go back up from a directory whose parent's handle was closed (deep trees). */
  static final byte[] PARENT = {'.', '.'};

  private static final byte[] EMPTY = {0};

  private final int fd;
  private final String shown;
  private boolean closed;

  private DirHandle(int fd, String shown) {
    this.fd = fd;
    this.shown = shown;
  }

  /** Null when the handles can be used on this machine, else why not. */
  public static String unavailableReason() {
    return LinuxCalls.UNAVAILABLE;
  }

  /**
   * Opens a directory by its absolute host path (the image root, already resolved), not following a
   * link at its last component.
   *
   * @param path the path's raw bytes
   * @param shown the path for messages
   */
  public static DirHandle open(byte[] path, String shown) throws IOException {
    requireAvailable();
    try {
      return new DirHandle(LinuxCalls.openat(LinuxCalls.AT_FDCWD, LinuxCalls.cString(path), dirFlags(), 0), shown);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
  }

  /** True when handles work here and {@code root} is on this machine's filesystem (not jimfs in tests). */
  public static boolean usableFor(java.nio.file.Path root) {
    return LinuxCalls.UNAVAILABLE == null && root.getFileSystem() == java.nio.file.FileSystems.getDefault();
  }

  /**
   * Opens the directory at {@code names} below the directory {@code root} (raw bytes of its absolute
   * path), each component by name with {@code O_NOFOLLOW}: a symlink on the way fails instead of
   * leading elsewhere. The caller has resolved the image's own symlinks already.
   */
  public static DirHandle openPath(byte[] root, List<String> names) throws IOException {
    DirHandle dir = open(root, FileNames.decode(root));
    try {
      for (String name : names) {
        DirHandle next = dir.openDir(FileNames.encode(name));
        dir.close();
        dir = next;
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private static void requireAvailable() throws IOException {
    if (LinuxCalls.UNAVAILABLE != null) {
      throw new IOException("native file operations are not available: " + LinuxCalls.UNAVAILABLE);
    }
  }

  private static int dirFlags() {
    return LinuxCalls.O_RDONLY | LinuxCalls.O_DIRECTORY | LinuxCalls.O_NOFOLLOW | LinuxCalls.O_CLOEXEC
        | LinuxCalls.O_NONBLOCK;
  }

  /** What this handle names, for messages. */
  public String shown() {
    return shown;
  }

  /** The directory itself, by its descriptor. */
  public EntryStat stat() throws IOException {
    byte[] buf = new byte[256];
    try {
      LinuxCalls.statx(fd, EMPTY, LinuxCalls.AT_EMPTY_PATH | LinuxCalls.AT_SYMLINK_NOFOLLOW, buf);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
    return EntryStat.parse(buf);
  }

  /**
   * An entry by name, not following a symlink and not triggering an automount.
   *
   * @return the entry, or empty when there is none by that name
   */
  public Optional<EntryStat> statEntry(byte[] name) throws IOException {
    byte[] buf = new byte[256];
    try {
      LinuxCalls.statx(fd, LinuxCalls.cString(name), LinuxCalls.AT_SYMLINK_NOFOLLOW | LinuxCalls.AT_NO_AUTOMOUNT, buf);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ENOENT || e.getErrorCode() == LinuxCalls.ENOTDIR) {
        return Optional.empty();
      }
      throw LinuxCalls.error(e, shown(name));
    }
    return Optional.of(EntryStat.parse(buf));
  }

  /**
   * Opens a subdirectory by name. A symlink there fails ({@code ELOOP}), as does anything that is not
   * a directory ({@code ENOTDIR}); nothing blocks (a FIFO swapped in is refused, not waited on).
   */
  public DirHandle openDir(byte[] name) throws IOException {
    try {
      return new DirHandle(LinuxCalls.openat(fd, LinuxCalls.cString(name), dirFlags(), 0), shown(name));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ELOOP) {
        throw new FileSystemException(shown(name), null, "a symlink, not a directory");
      }
      throw LinuxCalls.error(e, shown(name));
    }
  }

  /**
   * Opens a file by name for reading, or for reading and writing, not following a symlink and not
   * blocking on a FIFO. The caller checks what it opened with {@link FileHandle#stat()}.
   */
  public FileHandle openFile(byte[] name, boolean write) throws IOException {
    int flags = (write ? LinuxCalls.O_RDWR : LinuxCalls.O_RDONLY) | LinuxCalls.O_NOFOLLOW | LinuxCalls.O_NOCTTY
        | LinuxCalls.O_NONBLOCK | LinuxCalls.O_CLOEXEC;
    try {
      return new FileHandle(LinuxCalls.openat(fd, LinuxCalls.cString(name), flags, 0), shown(name));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ELOOP) {
        throw new FileSystemException(shown(name), null, "a symlink, not a file");
      }
      throw LinuxCalls.error(e, shown(name));
    }
  }

  /** The target of the symlink {@code name}, as raw bytes. */
  public byte[] readLink(byte[] name) throws IOException {
    byte[] buf = new byte[4096];
    long n;
    try {
      n = LinuxCalls.readlinkat(fd, LinuxCalls.cString(name), buf, buf.length);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown(name));
    }
    return java.util.Arrays.copyOf(buf, (int) n);
  }

  /** Removes a non-directory entry; a symlink goes as a link. A mount point fails with EBUSY. */
  public void unlink(byte[] name) throws IOException {
    try {
      LinuxCalls.unlinkat(fd, LinuxCalls.cString(name), 0);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown(name));
    }
  }

  /** Removes an empty subdirectory. */
  public void rmdir(byte[] name) throws IOException {
    try {
      LinuxCalls.unlinkat(fd, LinuxCalls.cString(name), LinuxCalls.AT_REMOVEDIR);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown(name));
    }
  }

  /** Flushes the directory (its removed entries) to disk; best effort. */
  public void sync() {
    try {
      LinuxCalls.fsync(fd);
    } catch (LastErrorException e) {
      // some filesystems refuse fsync on directories; the entries are gone all the same
    }
  }

  /** EBUSY: the entry is a mount point (or in use as one), so the kernel will not remove it. */
  public static final class BusyException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    BusyException(String file, String reason) {
      super(file, null, reason);
    }
  }

  /** One entry of a listing: its raw name and the type the listing gives (DT_*; 0 when unknown). */
  public record Entry(byte[] name, int dtype) {
    static final int DT_DIR = 4;
    static final int DT_UNKNOWN = 0;

    /** False only when the listing says for sure that this is not a directory. */
    public boolean mayBeDirectory() {
      return dtype == DT_DIR || dtype == DT_UNKNOWN;
    }
  }

  /** Reads the directory's entries in the order the filesystem keeps them, a buffer at a time. */
  public Listing listing() {
    return new Listing();
  }

  /** A listing in progress; {@link #next()} returns null at the end. */
  public final class Listing {
    private final byte[] buffer = new byte[32 * 1024];
    private int length;
    private int position;
    private boolean end;

    public Entry next() throws IOException {
      while (true) {
        if (position >= length) {
          if (end) {
            return null;
          }
          try {
            length = LinuxCalls.getdents64(fd, buffer);
          } catch (LastErrorException e) {
            throw LinuxCalls.error(e, shown);
          }
          position = 0;
          if (length <= 0) {
            end = true;
            return null;
          }
        }
        int reclen = (buffer[position + 16] & 0xff) | (buffer[position + 17] & 0xff) << 8;
        int type = buffer[position + 18] & 0xff;
        int start = position + 19;
        int stop = start;
        while (buffer[stop] != 0) {
          stop++;
        }
        position += reclen;
        int n = stop - start;
        if ((n == 1 && buffer[start] == '.') || (n == 2 && buffer[start] == '.' && buffer[start + 1] == '.')) {
          continue;
        }
        byte[] name = new byte[n];
        System.arraycopy(buffer, start, name, 0, n);
        return new Entry(name, type);
      }
    }

    /** Everything not read yet, so that the handle can be closed. */
    public List<Entry> drain() throws IOException {
      List<Entry> rest = new ArrayList<>();
      for (Entry e = next(); e != null; e = next()) {
        rest.add(e);
      }
      return rest;
    }
  }

  private String shown(byte[] name) {
    return shown + "/" + FileNames.decode(name);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        LinuxCalls.close(fd);
      } catch (LastErrorException e) {
        // close(2) releases the descriptor even when it reports an error
      }
    }
  }
}
