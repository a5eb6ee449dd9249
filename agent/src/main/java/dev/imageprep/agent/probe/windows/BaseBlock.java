package dev.imageprep.agent.probe.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The base block ({@code regf} header) at the start of a hive file and, as a partial copy of its first
 * 512 bytes, of each transaction log file. Only the fields recovery and reading need.
 *
 * @param primarySequence incremented when a write to the hive begins
 * @param secondarySequence incremented when it ends: the two differ on a hive not closed cleanly
 * @param lastWritten the FILETIME of the last write; an old-format log applies only to its own write
 * @param fileType 0 for a hive, 1 or 2 for an old-format log (DIRT), 6 for a new-format log (HvLE)
 * @param rootCell offset of the root key's cell, from the start of the hive bins
 * @param binsSize the size of the hive bins data in bytes
 * @param checksumValid whether the stored XOR-32 checksum matches the first 508 bytes
 */
record BaseBlock(int primarySequence, int secondarySequence, long lastWritten, int majorVersion,
    int minorVersion, int fileType, int rootCell, int binsSize, int flags, boolean checksumValid) {

  /** Bytes of the base block that the checksum covers and a log file holds. */
  static final int LOG_COPY = 512;
  static final int SIZE = 4096;
  static final int REGF = 0x66676572;
  static final int TYPE_PRIMARY = 0;
  static final int TYPE_NEW_LOG = 6;

  static final int PRIMARY_SEQUENCE = 4;
  static final int SECONDARY_SEQUENCE = 8;
  static final int FILE_TYPE = 28;
  static final int ROOT_CELL = 36;
  static final int BINS_SIZE = 40;
  static final int FLAGS = 144;
  static final int CHECKSUM = 508;

  /**
   * Reads the base block at the start of {@code b}.
   *
   * @throws HiveException when there is no {@code regf} signature (not a hive or log at all)
   */
  static BaseBlock read(ByteBuffer b, String name) throws HiveException {
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (le.capacity() < LOG_COPY || le.getInt(0) != REGF) {
      throw new HiveException(name + " is not a registry hive (no regf signature)");
    }
    return new BaseBlock(le.getInt(PRIMARY_SEQUENCE), le.getInt(SECONDARY_SEQUENCE), le.getLong(12), le.getInt(20),
        le.getInt(24), le.getInt(FILE_TYPE), le.getInt(ROOT_CELL), le.getInt(BINS_SIZE), le.getInt(FLAGS),
        checksum(le) == le.getInt(CHECKSUM));
  }

  /** The XOR of the base block's first 127 double words, with 0 and -1 mapped as Windows does. */
  static int checksum(ByteBuffer b) {
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int x = 0;
    for (int i = 0; i < CHECKSUM; i += 4) {
      x ^= le.getInt(i);
    }
    if (x == -1) {
      return -2;
    }
    return x == 0 ? 1 : x;
  }

  /** Whether the hive was closed cleanly: a valid checksum and equal sequence numbers. */
  boolean clean() {
    return checksumValid && primarySequence == secondarySequence;
  }

  String sequences() {
    return Integer.toUnsignedString(primarySequence) + " and " + Integer.toUnsignedString(secondarySequence);
  }
}
