package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.FileNames;
import dev.imageprep.rules.host.ImagePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * This machine's mounts below an image root, from the kernel's table ({@code /proc/self/mountinfo}),
 * read as bytes: a mount point's name is whatever bytes its directory has. Bind mounts of the same
 * filesystem show here although they share its device number. The cleanup plans nothing at, below
 * or above one of them, and the executor checks again on the descriptors it opens (mount ids).
 */
public final class MountTable {

  /** A mount point inside the image, and what is mounted there, for the report. */
  public record Mount(ImagePath path, String what) {}

  private MountTable() {}

  /** The mounts strictly below {@code root} (raw bytes of its absolute path), read now. */
  public static List<Mount> below(byte[] root) throws IOException {
    return below(root, Files.readAllBytes(Path.of("/proc/self/mountinfo")));
  }

  /*
   * Sample line (proc(5)):
   *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
   * Fields: id, parent, major:minor, root of the mount in its filesystem, mount point, options,
   * optional fields up to "-", filesystem type, source. Space, tab, newline and backslash in paths
   * are written as octal escapes (\040, \011, \012, \134); every other byte is as it is.
   */
  static List<Mount> below(byte[] root, byte[] mountinfo) {
    byte[] prefix = root.length > 0 && root[root.length - 1] == '/' ? root : Arrays.copyOf(root, root.length + 1);
    prefix[prefix.length - 1] = '/';
    List<Mount> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= mountinfo.length; i++) {
      if (i < mountinfo.length && mountinfo[i] != '\n') {
        continue;
      }
      List<byte[]> f = fields(mountinfo, start, i);
      start = i + 1;
      int dash = -1;
      for (int k = 6; k < f.size(); k++) {
        if (f.get(k).length == 1 && f.get(k)[0] == '-') {
          dash = k;
          break;
        }
      }
      if (dash < 0 || dash + 2 >= f.size()) {
        continue;
      }
      byte[] point = unescape(f.get(4));
      if (point.length <= prefix.length || !Arrays.equals(point, 0, prefix.length, prefix, 0, prefix.length)) {
        continue;
      }
      ImagePath p = ImagePath.ROOT;
      int from = prefix.length;
      for (int k = from; k <= point.length; k++) {
        if (k == point.length || point[k] == '/') {
          if (k > from) {
            p = p.child(FileNames.decode(point, from, k - from));
          }
          from = k + 1;
        }
      }
      String type = new String(f.get(dash + 1), StandardCharsets.UTF_8);
      boolean bind = !(f.get(3).length == 1 && f.get(3)[0] == '/');
      out.add(new Mount(p, p + " is a mount point (" + type + (bind ? ", a bind mount" : "") + ")"));
    }
    return out;
  }

  private static List<byte[]> fields(byte[] b, int from, int to) {
    List<byte[]> out = new ArrayList<>();
    int s = from;
    for (int i = from; i <= to; i++) {
      if (i == to || b[i] == ' ') {
        if (i > s) {
          out.add(Arrays.copyOfRange(b, s, i));
        }
        s = i + 1;
      }
    }
    return out;
  }

  private static byte[] unescape(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\\' && i + 3 < b.length && isOctal(b[i + 1]) && isOctal(b[i + 2]) && isOctal(b[i + 3])) {
        out.write((b[i + 1] - '0') * 64 + (b[i + 2] - '0') * 8 + (b[i + 3] - '0'));
        i += 3;
      } else {
        out.write(b[i]);
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte c) {
    return c >= '0' && c <= '7';
  }
}
