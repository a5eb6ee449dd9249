package dev.imageprep.agent.probe.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Security identifiers between their binary form and {@code S-1-5-32-544}, as [MS-DTYP] 2.4.2 lays
 * them out: revision (1 byte), sub-authority count (1), identifier authority (6, big-endian), then
 * each sub-authority (4, little-endian).
 */
final class Sids {

  private Sids() {}

  /** The binary length of the SID that starts at {@code bytes[0]}: 8 + 4 per sub-authority. */
  static int length(byte subAuthorityCount) {
    return 8 + 4 * Byte.toUnsignedInt(subAuthorityCount);
  }

  static String toText(byte[] sid) {
    ByteBuffer b = ByteBuffer.wrap(sid).order(ByteOrder.LITTLE_ENDIAN);
    int count = Byte.toUnsignedInt(sid[1]);
    if (sid.length < length(sid[1])) {
      throw new IllegalArgumentException("SID of " + sid.length + " bytes for " + count + " sub-authorities");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | Byte.toUnsignedLong(sid[i]);
    }
    StringBuilder sb = new StringBuilder("S-").append(Byte.toUnsignedInt(sid[0])).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      sb.append('-').append(Integer.toUnsignedLong(b.getInt(8 + 4 * i)));
    }
    return sb.toString();
  }

  static byte[] toBytes(String text) {
    String[] parts = text.split("-");
    if (parts.length < 3 || !parts[0].equalsIgnoreCase("S")) {
      throw new IllegalArgumentException("not a SID: " + text);
    }
    int count = parts.length - 3;
    ByteBuffer b = ByteBuffer.allocate(8 + 4 * count).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) Integer.parseInt(parts[1])).put((byte) count);
    long authority = Long.parseLong(parts[2]);
    for (int i = 5; i >= 0; i--) {
      b.put((byte) (authority >>> (8 * i)));
    }
    for (int i = 0; i < count; i++) {
      b.putInt((int) Long.parseLong(parts[3 + i]));
    }
    return b.array();
  }
}
