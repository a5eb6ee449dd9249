package dev.imageprep.agent.secrets;

import java.nio.charset.StandardCharsets;

/**
 * One file's content while it is scanned: the raw bytes, a budgeted character view for regular
 * expressions, and line arithmetic. Offsets are byte offsets into the file.
 */
final class FileText {

  /** How far a line window reaches from a keyword on very long lines (minified files, one-line JSON). */
  static final int LINE_REACH = 2048;

  private final String path;
  private final byte[] data;
  private final int length;
  private final ByteText chars;

  FileText(String path, byte[] data, int length, ScanBudget budget) {
    this.path = path;
    this.data = data;
    this.length = length;
    this.chars = new ByteText(data, 0, length, budget);
  }

  /** For tests and small inputs. */
  static FileText of(String path, String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return new FileText(path, b, b.length, ScanBudget.forFile(b.length));
  }

  /** The image path, for path-limited detectors. */
  String path() {
    return path;
  }

  /** The file name: the last component of the path. */
  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  byte[] data() {
    return data;
  }

  int length() {
    return length;
  }

  /** The whole file as characters; regions of it are what detectors match in. */
  CharSequence chars() {
    return chars;
  }

  int byteAt(int i) {
    return data[i] & 0xff;
  }

  /** The text between two offsets, for values already known to be short. */
  String text(int from, int to) {
    return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
  }

  int lineStart(int offset) {
    int i = Math.min(offset, length);
    while (i > 0 && data[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** The offset of the line's terminating newline (or the end of the file). */
  int lineEnd(int offset) {
    int i = offset;
    while (i < length && data[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The line around a keyword hit, cut to {@link #LINE_REACH} on each side of it. */
  int windowStart(int hitStart) {
    int floor = Math.max(0, hitStart - LINE_REACH);
    int i = hitStart;
    while (i > floor && data[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  int windowEnd(int hitEnd) {
    int ceiling = Math.min(length, hitEnd + LINE_REACH);
    int i = hitEnd;
    while (i < ceiling && data[i] != '\n') {
      i++;
    }
    return i;
  }

  /** True when the line holding {@code offset} starts (after blanks) like a comment. */
  boolean inComment(int offset) {
    int i = lineStart(offset);
    while (i < length && (data[i] == ' ' || data[i] == '\t')) {
      i++;
    }
    if (i >= length) {
      return false;
    }
    int c = data[i];
    boolean marker = c == '#' || c == ';' || c == '!' || (c == '/' && i + 1 < length && data[i + 1] == '/')
        || (c == '-' && i + 1 < length && data[i + 1] == '-' && i + 2 < length && data[i + 2] == ' ');
    return marker && !escapedNewline(i, offset);
  }

  /**
   * True when {@code [from, to)} holds an escaped line break ({@code \n}): the line is a string
   * literal or a log record holding several lines of text, and a comment on its first ends there.
   */
  private boolean escapedNewline(int from, int to) {
    for (int k = from; k + 1 < to && k + 1 < length; k++) {
      if (data[k] == '\\' && data[k + 1] == 'n') {
        return true;
      }
    }
    return false;
  }

  /** Newlines in {@code [from, to)}: line numbers are counted in one sweep over sorted offsets. */
  int newlines(int from, int to) {
    int n = 0;
    for (int i = from; i < to && i < length; i++) {
      if (data[i] == '\n') {
        n++;
      }
    }
    return n;
  }
}
