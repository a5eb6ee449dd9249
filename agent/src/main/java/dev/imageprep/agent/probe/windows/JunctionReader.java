package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

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
   * FILE_FLAG_OPEN_REPARSE_POINT}, so it is not followed), by its extended-length path, so targets
   * deeper than MAX_PATH are read too.
   */
  static JunctionReader jna() {
    return of(new JnaFileApi(), ExtendedPaths::of);
  }

  /** @param win32 the name a Win32 call gets for a path */
  static JunctionReader of(WinFileApi api, java.util.function.Function<Path, String> win32) {
    return link -> {
      try {
        long h = api.open(win32.apply(link), WinFileApi.FILE_READ_ATTRIBUTES);
        try {
          return parse(api.reparseData(h));
        } finally {
          api.close(h);
        }
      } catch (WinError e) {
        throw e.toIOException(link.toString());
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
      throw new IOException(String.format(Locale.ROOT, "not a junction or symlink (reparse tag 0x%08X)", tag));
    }
    int offset = Short.toUnsignedInt(b.getShort(8));
    int length = Short.toUnsignedInt(b.getShort(10));
    if (pathBuffer + offset + length > bytes.length || length % 2 != 0) {
      throw new IOException("reparse data out of bounds");
    }
    return new String(bytes, pathBuffer + offset, length, StandardCharsets.UTF_16LE);
  }
}
