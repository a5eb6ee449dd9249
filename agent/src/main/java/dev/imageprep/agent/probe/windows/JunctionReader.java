package dev.imageprep.agent.probe.windows;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinioctlUtil;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads where a Windows junction or mount point leads (the JDK only reads symlinks). */
@FunctionalInterface
public interface JunctionReader {

  int IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003;
  int IO_REPARSE_TAG_SYMLINK = 0xA000000C;

  /**
   * @return the target as Windows stores it ({@code \??\C:\Users\Default})
   * @throws IOException when it is not a junction or cannot be read
   */
  String target(Path link) throws IOException;

  /** Nothing can be read: every junction is refused. */
  JunctionReader NONE = link -> {
    throw new IOException("junction targets cannot be read here: " + link.getFileName());
  };

  /**
   * {@code FSCTL_GET_REPARSE_POINT} on the link itself (opened with {@code
   * FILE_FLAG_OPEN_REPARSE_POINT}, so it is not followed).
   */
  static JunctionReader jna() {
    return link -> {
      WinNT.HANDLE h = Kernel32.INSTANCE.CreateFile(link.toString(), 0,
          WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, null, WinNT.OPEN_EXISTING,
          WinNT.FILE_FLAG_OPEN_REPARSE_POINT | WinNT.FILE_FLAG_BACKUP_SEMANTICS, null);
      if (WinBase.INVALID_HANDLE_VALUE.equals(h)) {
        throw new IOException("cannot open " + link + " (error " + Kernel32.INSTANCE.GetLastError() + ")");
      }
      try {
        Memory buf = new Memory(16 * 1024);
        IntByReference returned = new IntByReference();
        if (!Kernel32.INSTANCE.DeviceIoControl(h, WinioctlUtil.FSCTL_GET_REPARSE_POINT, null, 0, buf,
            (int) buf.size(), returned, null)) {
          throw new IOException("cannot read the reparse point of " + link + " (error "
              + Kernel32.INSTANCE.GetLastError() + ")");
        }
        return parse(buf.getByteArray(0, returned.getValue()));
      } finally {
        Kernel32.INSTANCE.CloseHandle(h);
      }
    };
  }

  /**
   * Decodes a {@code REPARSE_DATA_BUFFER}: tag (4 bytes), data length (2), reserved (2), then the
   * substitute and print names' offsets and lengths (2 bytes each) and, for symlinks, 4 bytes of
   * flags before the UTF-16 path buffer. The substitute name is the target.
   */
  static String parse(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 16) {
      throw new IOException("reparse data too short");
    }
    int tag = b.getInt(0);
    int pathBuffer;
    if (tag == IO_REPARSE_TAG_MOUNT_POINT) {
      pathBuffer = 16;
    } else if (tag == IO_REPARSE_TAG_SYMLINK) {
      pathBuffer = 20;
    } else {
      throw new IOException(String.format("not a junction or symlink (reparse tag 0x%08X)", tag));
    }
    int offset = Short.toUnsignedInt(b.getShort(8));
    int length = Short.toUnsignedInt(b.getShort(10));
    if (pathBuffer + offset + length > bytes.length || length % 2 != 0) {
      throw new IOException("reparse data out of bounds");
    }
    return new String(bytes, pathBuffer + offset, length, StandardCharsets.UTF_16LE);
  }
}
