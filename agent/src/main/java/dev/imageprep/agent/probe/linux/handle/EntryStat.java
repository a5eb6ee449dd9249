package dev.imageprep.agent.probe.linux.handle;

import dev.imageprep.rules.host.FileType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * What {@code statx} says about one directory entry or open descriptor, never following a symlink.
 *
 * @param dev the device number, encoded as glibc's {@code makedev} does (what java.nio's file key shows)
 * @param mountId the id of the mount it is on, or -1 where the kernel does not say (before Linux 5.8)
 * @param mountRoot true if it is the root of a mount (a mount point), when the kernel says
 */
public record EntryStat(FileType type, int mode, long nlink, long size, long dev, long ino, long mountId,
    boolean mountRoot, boolean immutable, long mtimeSeconds) {

  static EntryStat parse(byte[] statx) {
    ByteBuffer b = ByteBuffer.wrap(statx).order(ByteOrder.nativeOrder());
    int mask = b.getInt(0);
    long attributes = b.getLong(8);
    long attributesMask = b.getLong(56);
    int mode = b.getShort(28) & 0xffff;
    long major = b.getInt(136) & 0xffffffffL;
    long minor = b.getInt(140) & 0xffffffffL;
    boolean hasMountId = (mask & LinuxCalls.STATX_MNT_ID) != 0;
    boolean knowsMountRoot = (attributesMask & LinuxCalls.STATX_ATTR_MOUNT_ROOT) != 0;
    return new EntryStat(typeOf(mode), mode, b.getInt(16) & 0xffffffffL, b.getLong(40), makedev(major, minor),
        b.getLong(32), hasMountId ? b.getLong(144) : -1,
        knowsMountRoot && (attributes & LinuxCalls.STATX_ATTR_MOUNT_ROOT) != 0,
        (attributes & LinuxCalls.STATX_ATTR_IMMUTABLE) != 0, b.getLong(112));
  }

  /** glibc's gnu_dev_makedev: the dev_t that stat(2) and java.nio's file key report. */
  static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
  }

  static FileType typeOf(int mode) {
    return switch (mode & 0170000) {
      case 0100000 -> FileType.REGULAR;
      case 0040000 -> FileType.DIRECTORY;
      case 0120000 -> FileType.SYMLINK;
      case 0010000 -> FileType.FIFO;
      case 0140000 -> FileType.SOCKET;
      case 0060000 -> FileType.BLOCK_DEVICE;
      case 0020000 -> FileType.CHAR_DEVICE;
      default -> FileType.OTHER;
    };
  }

  /** The identity java.nio's {@code fileKey().toString()} gives on Linux, which plans record. */
  public String identity() {
    return "(dev=" + Long.toHexString(dev) + ",ino=" + ino + ")";
  }

  public boolean sameFile(EntryStat other) {
    return dev == other.dev && ino == other.ino;
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public boolean isRegular() {
    return type == FileType.REGULAR;
  }

  /** The same facts as java.nio's attributes, for code written against them. */
  public BasicFileAttributes attributes() {
    EntryStat s = this;
    return new BasicFileAttributes() {
      @Override
      public FileTime lastModifiedTime() {
        return FileTime.from(s.mtimeSeconds, TimeUnit.SECONDS);
      }

      @Override
      public FileTime lastAccessTime() {
        return lastModifiedTime();
      }

      @Override
      public FileTime creationTime() {
        return lastModifiedTime();
      }

      @Override
      public boolean isRegularFile() {
        return s.type == FileType.REGULAR;
      }

      @Override
      public boolean isDirectory() {
        return s.type == FileType.DIRECTORY;
      }

      @Override
      public boolean isSymbolicLink() {
        return s.type == FileType.SYMLINK;
      }

      @Override
      public boolean isOther() {
        return !isRegularFile() && !isDirectory() && !isSymbolicLink();
      }

      @Override
      public long size() {
        return s.size;
      }

      @Override
      public Object fileKey() {
        return s.identity();
      }
    };
  }
}
