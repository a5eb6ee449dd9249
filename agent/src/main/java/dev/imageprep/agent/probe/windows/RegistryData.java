package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.host.RegistryValue.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a live registry value from its type and bytes, never failing: a value whose bytes do not fit
 * its type (a zero-length REG_DWORD, REG_NONE with data, a truncated QWORD) keeps its raw bytes, so a
 * rule that needs it as text or a number finds neither, and every other value of the key still reads.
 * Types and layouts: "Registry Value Types" (Win32 docs). JNA's {@code Advapi32Util.registryGetValues}
 * throws on such values, which made whole keys unknown.
 */
final class RegistryData {

  private RegistryData() {}

  static RegistryValue decode(String name, int type, byte[] data) {
    Type t = Type.ofCode(type);
    return switch (t) {
      case SZ, EXPAND_SZ, LINK -> new RegistryValue(name, t, firstString(data));
      case MULTI_SZ -> new RegistryValue(name, t, strings(data));
      case DWORD -> data.length == 4 ? new RegistryValue(name, t, (long) le(data).getInt(0) & 0xFFFF_FFFFL)
          : new RegistryValue(name, t, data);
      case DWORD_BIG_ENDIAN -> data.length == 4
          ? new RegistryValue(name, t, (long) ByteBuffer.wrap(data).getInt(0) & 0xFFFF_FFFFL)
          : new RegistryValue(name, t, data);
      case QWORD -> data.length == 8 ? new RegistryValue(name, t, le(data).getLong(0)) : new RegistryValue(name, t, data);
      default -> new RegistryValue(name, t, data); // NONE, BINARY, RESOURCE_*, and types Windows may add
    };
  }

  /** UTF-16LE up to the first NUL; an odd trailing byte is dropped, a missing terminator tolerated. */
  private static String firstString(byte[] data) {
    String s = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }

  /**
   * Every string of a REG_MULTI_SZ, not only those before the first empty one (data written by
   * RegSetValueEx may hold empty strings in the middle); empty strings are left out, as the offline
   * hive reader leaves them out.
   */
  private static List<String> strings(byte[] data) {
    String s = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    return Arrays.stream(s.split("\0")).filter(p -> !p.isEmpty()).toList();
  }

  private static ByteBuffer le(byte[] data) {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
  }
}
