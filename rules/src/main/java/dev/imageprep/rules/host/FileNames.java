package dev.imageprep.rules.host;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Linux file name is bytes; imageprep reads them as UTF-8 whatever the locale, and keeps each byte
 * that is not part of valid UTF-8 as the lone surrogate U+DC80 + byte (Python's "surrogateescape",
 * PEP 383). Valid UTF-8 never decodes to a lone surrogate, so {@link #decode} and {@link #encode}
 * are exact inverses: {@code bad\377\376} is planned, compared and removed as itself, and shown as
 * {@code bad\xff\xfe}.
 */
public final class FileNames {

  private static final int ESCAPE_BASE = 0xDC00;

  private FileNames() {}

  /** The name for these bytes: UTF-8, with every byte that is not valid UTF-8 escaped. */
  public static String decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static String decode(byte[] bytes, int offset, int length) {
    if (isAscii(bytes, offset, length)) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      // malformed or unmappable: each offending byte becomes its escape, then decoding goes on
      for (int i = 0; i < r.length(); i++) {
        out.put((char) (ESCAPE_BASE + (in.get() & 0xff)));
      }
    }
    out.flip();
    return out.toString();
  }

  /** The bytes of a name; the inverse of {@link #decode}. */
  public static byte[] encode(String name) {
    if (isAscii(name)) {
      return name.getBytes(StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
    int i = 0;
    while (i < name.length()) {
      int start = i;
      while (i < name.length() && !isEscapedByte(name, i)) {
        i += Character.isHighSurrogate(name.charAt(i)) && i + 1 < name.length() ? 2 : 1;
      }
      byte[] plain = name.substring(start, i).getBytes(StandardCharsets.UTF_8);
      out.write(plain, 0, plain.length);
      if (i < name.length()) {
        out.write(name.charAt(i) - ESCAPE_BASE);
        i++;
      }
    }
    return out.toByteArray();
  }

  /** True if the name holds a byte that is not valid UTF-8 (an escaped byte). */
  public static boolean hasEscapedBytes(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (isEscapedByte(name, i)) {
        return true;
      }
    }
    return false;
  }

  /** True if the char at {@code i} stands for a raw byte: a lone surrogate U+DC80..U+DCFF. */
  public static boolean isEscapedByte(CharSequence s, int i) {
    char c = s.charAt(i);
    return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff
        && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /** The raw byte an escaped char stands for. */
  public static int escapedByte(char c) {
    return c - ESCAPE_BASE;
  }

  static boolean isAscii(byte[] b, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  public static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
