package dev.imageprep.rules.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A catalog file's bytes made text, within limits, before YAML sees them: SnakeYAML scans a long
 * single-line scalar in quadratic time (a 20-million-character value took ten minutes to be
 * rejected), so the size and the line length are bounded first, and bytes that are not UTF-8 are
 * located by line and column instead of failing the read without a position.
 */
final class CatalogText {

  /** The largest catalog file read: the bundled ones are about 12 KB. */
  static final int MAX_BYTES = 1 << 20;
  /** The longest line: the bundled files' longest is about 200 characters. */
  static final int MAX_LINE = 16 * 1024;

  private CatalogText() {}

  /** @throws CatalogException naming file, line and column when a limit is crossed or a byte is not UTF-8 */
  static String read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      int[] at = position(bytes, MAX_BYTES);
      throw new CatalogException(new CatalogProblem(name, at[0], at[1], "larger than " + MAX_BYTES + " bytes, the"
          + " most a rule file may hold; nothing of it was used"));
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes);
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CoderResult result = utf8.decode(input, text, true);
    if (result.isError()) {
      int[] at = position(bytes, input.position());
      throw new CatalogException(new CatalogProblem(name, at[0], at[1], String.format(Locale.ROOT,
          "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bytes[input.position()] & 0xff)));
    }
    utf8.flush(text);
    String s = text.flip().toString();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '\n') {
        if (i - start > MAX_LINE) {
          throw new CatalogException(new CatalogProblem(name, line, MAX_LINE + 1, "line longer than " + MAX_LINE
              + " characters, the most a rule file's line may hold; nothing of the file was used"));
        }
        line++;
        start = i + 1;
      }
    }
    return s;
  }

  /** Line and column (in characters) of a byte offset, counting only the valid text before it. */
  private static int[] position(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new int[] {line, before.codePointCount(0, before.length()) + 1};
  }
}
