package dev.imageprep.agent.probe.linux.handle;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an open file really has data: Linux's {@code lseek(SEEK_DATA)} and {@code lseek(SEEK_HOLE)}
 * (every filesystem answers; those that cannot tell report one extent up to the end). Java has no
 * such call and no file descriptor of a channel, so the open file is found again in {@code
 * /proc/self/fd} by its identity (device and inode) and reopened there for reading: no path is looked
 * up, so nothing can be swapped in between.
 */
public final class DataExtents {

  /** A byte range {@code [start, end)} that holds data. */
  public record Extent(long start, long end) {
    public long length() {
      return end - start;
    }
  }

  private static final int SEEK_DATA = 3;
  private static final int SEEK_HOLE = 4;
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final int ENXIO = 6;
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  /** The few libc calls needed, bound with JNA. */
  private interface LibC extends Library {
    int open(String path, int flags) throws LastErrorException;

    long lseek(int fd, long offset, int whence) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static volatile LibC libc;

  private DataExtents() {}

  /**
   * This process's own handle on an open file, as a {@code /proc/self/fd/N} path.
   *
   * @param fileKey the open file's {@link BasicFileAttributes#fileKey()}
   * @return empty where there is no {@code /proc} or no open file with that identity
   */
  public static Optional<Path> openHandle(Object fileKey) {
    if (fileKey == null || !Files.isDirectory(OPEN_FILES)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(OPEN_FILES)) {
      for (Path fd : fds) {
        try {
          if (Objects.equals(Files.readAttributes(fd, BasicFileAttributes.class).fileKey(), fileKey)) {
            return Optional.of(fd);
          }
        } catch (IOException e) {
          // closed meanwhile, or a socket or pipe: not the file
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The data extents of the file behind an open handle, up to {@code size}.
   *
   * @return empty when they cannot be had (no native access, an error): the caller must then assume
   *     the whole file is data
   */
  public static Optional<List<Extent>> of(Path handle, long size) {
    LibC c = libc();
    if (c == null) {
      return Optional.empty();
    }
    int fd;
    try {
      fd = c.open(handle.toString(), O_RDONLY_CLOEXEC);
    } catch (LastErrorException e) {
      return Optional.empty();
    }
    try {
      List<Extent> extents = new ArrayList<>();
      long at = 0;
      while (at < size) {
        long data;
        try {
          data = c.lseek(fd, at, SEEK_DATA);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == ENXIO) {
            break; // no data after this offset: the rest is a hole
          }
          return Optional.empty();
        }
        if (data >= size) {
          break; // the file grew after it was measured: what lies beyond is not ours to overwrite
        }
        long hole = c.lseek(fd, data, SEEK_HOLE); // the end of the file counts as a hole
        extents.add(new Extent(data, Math.min(hole, size)));
        at = hole;
      }
      return Optional.of(extents);
    } catch (LastErrorException e) {
      return Optional.empty();
    } finally {
      try {
        c.close(fd);
      } catch (LastErrorException e) {
        // a read-only descriptor: nothing was written through it
      }
    }
  }

  private static LibC libc() {
    if (libc == null) {
      try {
        libc = Native.load("c", LibC.class);
      } catch (LinkageError | RuntimeException e) {
        return null; // JNA cannot load here (no native library, a noexec temporary directory)
      }
    }
    return libc;
  }
}
