package dev.imageprep.agent.probe.windows;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * A NUL-terminated UTF-16LE string in native memory, as every Win32 {@code LPWSTR} is. JNA's {@code
 * getWideString} reads the platform's {@code wchar_t}, which is four bytes off Windows, so buffers
 * shaped as Windows fills them could not be read in tests.
 */
final class Utf16 {

  private Utf16() {}

  /** At most 32,767 characters, the longest string the Win32 API takes. */
  static String read(Pointer p) {
    int chars = 0;
    while (chars < 32_767 && p.getShort(2L * chars) != 0) {
      chars++;
    }
    return new String(p.getByteArray(0, 2 * chars), StandardCharsets.UTF_16LE);
  }
}
