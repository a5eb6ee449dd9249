package dev.imageprep.agent.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON string escapes beyond the standard ones: DEL, the C1 controls, line and paragraph separators,
 * bidirectional overrides and every surrogate are written as {@code \\uXXXX}. A file name byte that
 * is not UTF-8 (kept as a lone surrogate, see {@code FileNames}) then reaches the report and the
 * journal exactly ({@code "bad\\udcff"}, as Python's surrogateescape reads it) instead of becoming
 * {@code ?}, and a report printed with {@code cat} cannot drive the terminal.
 */
final class JsonEscapes extends CharacterEscapes {

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
    if ((ch >= 0x80 && ch <= 0x9f) || (ch >= 0xd800 && ch <= 0xdfff) || TerminalText.isFormatControl(ch)) {
      return new SerializedString(String.format("\\u%04x", ch));
    }
    return null;
  }
}
