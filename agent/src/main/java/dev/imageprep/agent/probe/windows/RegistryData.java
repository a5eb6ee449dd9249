package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.host.RegistryValue.Type;

/**
 * Decodes a live registry value from its type and bytes, never failing, the way the offline hive
 * reader decodes the same types ({@link HiveFile#decode}), except that a number whose bytes do not
 * have its type's length (a zero-length REG_DWORD, a truncated QWORD) keeps its raw bytes: a rule
 * that needs it as a number finds none, and every other value of the key still reads. JNA's {@code
 * Advapi32Util.registryGetValues} threw on such values, and on REG_NONE with data, REG_LINK and the
 * REG_RESOURCE_* types, which made whole keys unknown. Types: "Registry Value Types" (Win32 docs).
 */
final class RegistryData {

  private RegistryData() {}

  static RegistryValue decode(String name, int type, byte[] data) {
    Type t = Type.ofCode(type);
    int length = switch (t) {
      case DWORD, DWORD_BIG_ENDIAN -> 4;
      case QWORD -> 8;
      default -> data.length;
    };
    return data.length == length ? HiveFile.decode(name, type, data) : new RegistryValue(name, t, data);
  }
}
