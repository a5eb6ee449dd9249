package dev.imageprep.agent.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * JSON string escapes beyond the standard ones: DEL, the C1 controls, line and paragraph separators,
 * bidirectional overrides and every surrogate are written as {@code \\uXXXX}. A file name byte that
 * is not UTF-8 (kept as a lone surrogate, see {@code FileNames}) then reaches the report and the
 * journal exactly ({@code "bad\\udcff"}, as Python's surrogateescape reads it) instead of becoming
 * {@code ?}, and a report printed with {@code cat} cannot drive the terminal.
 */
public final class JsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii;

  JsonEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7f] = ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if ((ch >= 0x80 && ch <= 0x9f) || (ch >= 0xd800 && ch <= 0xdfff) || isFormatControl(ch)) {
      return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
    }
    return null;
  }

  /**
   * Unicode characters that change how the text around them is shown without showing themselves:
   * bidirectional embeddings, overrides and isolates, the line and paragraph separators.
   */
  public static boolean isFormatControl(int c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
        || c == 0x061c || c == 0x2028 || c == 0x2029;
  }
}
