package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes hive keys in the text format of {@code reg export} and regedit ("Windows Registry Editor
 * Version 5.00"): a {@code [key path]} line, one line per value, a blank line; subkeys follow their
 * parent depth-first in the hive's order. Value data is written as Windows writes it: {@code
 * "text"} for REG_SZ with {@code \\} and {@code \"} escaped, {@code dword:0000000a} for a four-byte
 * REG_DWORD, {@code hex:} for REG_BINARY and {@code hex(N):} bytes for every other type (REG_EXPAND_SZ
 * and REG_MULTI_SZ as their UTF-16LE bytes, {@code hex(2)} and {@code hex(7)}), wrapped at 80 columns
 * with a trailing backslash. Two departures, so that nothing in a hive can forge a line of the
 * output: a REG_SZ holding a control character (or not valid UTF-16) is written as its {@code
 * hex(1):} bytes, and a control character in a key or value name as {@code \xNN}.
 */
public final class RegFileWriter {

  public static final String HEADER = "Windows Registry Editor Version 5.00";
  /** Where regedit breaks a hex line (Wine's regedit, which reproduces Windows' output, says 77). */
  private static final int HEX_LINE = 77;
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private final Appendable out;
  private final String newline;

  /** @param newline the line separator: {@code \r\n} as Windows writes, or this system's */
  public RegFileWriter(Appendable out, String newline) {
    this.out = out;
    this.newline = newline;
  }

  /** The first line and the blank line after it. */
  public void header() throws IOException {
    out.append(HEADER).append(newline).append(newline);
  }

  /**
   * Writes {@code key} and everything below it. Walks with its own stack, so a deep hive cannot
   * overflow the thread's; a key reached twice (subkey lists that loop) is damage.
   *
   * @param path what to print for {@code key} itself ({@code HKEY_LOCAL_MACHINE\SYSTEM})
   */
  public void write(HiveFile.Key key, String path) throws IOException, HiveException {
    Deque<HiveFile.Key> stack = new ArrayDeque<>();
    Deque<String> paths = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    stack.push(key);
    paths.push(path);
    while (!stack.isEmpty()) {
      HiveFile.Key k = stack.pop();
      String p = paths.pop();
      if (!seen.add(k.cell())) {
        throw new HiveException("the hive is damaged: key " + visible(p) + " is reached twice (its subkey lists loop)");
      }
      writeKey(p, k.rawValues());
      List<HiveFile.Key> children = k.subkeys();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
        paths.push(p + "\\" + children.get(i).name());
      }
    }
  }

  private void writeKey(String path, List<HiveFile.RawValue> vals) throws IOException {
    out.append('[').append(visible(path)).append(']').append(newline);
    for (HiveFile.RawValue v : vals) {
      writeValue(v);
    }
    out.append(newline);
  }

  private void writeValue(HiveFile.RawValue v) throws IOException {
    StringBuilder line = new StringBuilder();
    if (v.name().isEmpty()) {
      line.append("@=");
    } else {
      line.append('"').append(visible(quoted(v.name()))).append("\"=");
    }
    byte[] data = v.data();
    String text = v.type() == 1 ? printable(data) : null;
    if (text != null) {
      line.append('"').append(quoted(text)).append('"');
    } else if (v.type() == 4 && data.length == 4) {
      String n = Integer.toHexString(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt());
      line.append("dword:").append("0".repeat(8 - n.length())).append(n);
    } else {
      hex(line, v.type(), data);
    }
    out.append(line).append(newline);
  }

  /** {@code hex(N):} and the bytes, broken after a comma once a line reaches 77 characters. */
  private void hex(StringBuilder line, int type, byte[] data) {
    line.append(type == 3 ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
    int column = line.length();
    for (int i = 0; i < data.length; i++) {
      line.append(DIGITS[data[i] >> 4 & 0xF]).append(DIGITS[data[i] & 0xF]);
      if (i == data.length - 1) {
        break;
      }
      line.append(',');
      column += 3;
      if (column >= HEX_LINE) {
        line.append('\\').append(newline).append("  ");
        column = 2;
      }
    }
  }

  /**
   * The string a REG_SZ holds (up to its first NUL, as Windows reads it), or null when it cannot be
   * printed between quotes without changing it or letting it break a line: a control character, a
   * lone surrogate (not UTF-16), or an odd byte left over with no NUL before it.
   */
  static String printable(byte[] data) {
    char[] chars = new char[data.length / 2];
    int n = 0;
    for (; n < chars.length; n++) {
      char c = (char) ((data[2 * n] & 0xFF) | (data[2 * n + 1] & 0xFF) << 8);
      if (c == 0) {
        break;
      }
      chars[n] = c;
    }
    if (n == chars.length && (data.length & 1) != 0) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (isControl(c)) {
        return null;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return null;
      }
    }
    return new String(chars, 0, n);
  }

  private static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
  }

  /** A name or string between quotes: backslashes and quotes escaped, as regedit does. */
  private static String quoted(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Control characters shown as {@code \xNN}, so that a name cannot start a line of its own. */
  static String visible(String s) {
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        b.append(c);
      } else if (c <= 0xFF) {
        b.append("\\x").append(DIGITS[c >> 4]).append(DIGITS[c & 0xF]);
      } else {
        b.append("\\u").append(Integer.toHexString(c));
      }
    }
    return b.toString();
  }
}
