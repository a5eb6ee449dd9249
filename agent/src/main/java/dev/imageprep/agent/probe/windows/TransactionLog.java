package dev.imageprep.agent.probe.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction log file of a hive ({@code SYSTEM.LOG1}), read and checked but never applied here.
 * Its first 512 bytes are a copy of the hive's base block with the file type set to 1 or 2 (old
 * format, Windows XP to 7) or 6 (new format, Windows 8.1 and later); after them comes either a
 * {@code DIRT} dirty vector and its pages, or {@code HvLE} log entries. Every size, count and offset
 * is checked against the file and the hive bins before an entry is kept, and every new-format entry
 * against its two Marvin32 hashes; reading stops at the first entry that fails, as Windows' does.
 * Layout from the public "Windows registry file format specification" (Maxim Suhanov), section
 * "Format of transaction log files".
 */
final class TransactionLog {

  /** The two formats, told apart by the base block's file type. */
  enum Format { OLD, NEW }

  private static final int HVLE = 0x454C7648; // "HvLE"
  private static final int DIRT = 0x54524944; // "DIRT"
  private static final int SECTOR = 512;
  private static final int ENTRY_HEADER = 40;
  private static final int BIN_ALIGNMENT = 4096;

  private final String name;
  private final ByteBuffer bytes;
  private final BaseBlock base;
  private final Format format;
  private final List<LogEntry> entries;
  private final String damage;

  private TransactionLog(String name, ByteBuffer bytes, BaseBlock base, Format format, List<LogEntry> entries,
      String damage) {
    this.name = name;
    this.bytes = bytes;
    this.base = base;
    this.format = format;
    this.entries = List.copyOf(entries);
    this.damage = damage;
  }

  /**
   * Reads a log file held in {@code bytes} (read-only; positions are absolute).
   *
   * @throws HiveException when the file cannot serve as a log at all: no valid base block, a base
   *     block that was itself not written completely, an unknown type, or a truncated dirty vector
   */
  static TransactionLog read(String name, ByteBuffer bytes) throws HiveException {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    BaseBlock base = BaseBlock.read(le, name);
    if (!base.checksumValid()) {
      throw new HiveException(name + " has a damaged header (checksum mismatch)");
    }
    if (base.primarySequence() != base.secondarySequence()) {
      throw new HiveException(name + " was itself not written completely (sequence numbers " + base.sequences() + ")");
    }
    return switch (base.fileType()) {
      case BaseBlock.TYPE_NEW_LOG -> readEntries(name, le, base);
      case 1, 2 -> new TransactionLog(name, le, base, Format.OLD, List.of(dirtyVector(name, le, base)), null);
      default -> throw new HiveException(name + " is not a transaction log (file type " + base.fileType() + ")");
    };
  }

  private static TransactionLog readEntries(String name, ByteBuffer le, BaseBlock base) {
    List<LogEntry> entries = new ArrayList<>();
    String damage = null;
    int expected = base.primarySequence();
    long at = SECTOR;
    while (at + ENTRY_HEADER <= le.capacity() && le.getInt((int) at) == HVLE) {
      int pos = (int) at;
      long size = Integer.toUnsignedLong(le.getInt(pos + 4));
      int sequence = le.getInt(pos + 12);
      String where = name + ": log entry " + Integer.toUnsignedString(sequence) + " at offset " + pos;
      if (size < SECTOR || size % SECTOR != 0 || at + size > le.capacity()) {
        damage = where + " has a bad size (" + size + " bytes)";
        break;
      }
      if (Marvin32.hash(le, pos, 32, Marvin32.REGISTRY_SEED) != le.getLong(pos + 32)
          || Marvin32.hash(le, pos + ENTRY_HEADER, (int) size - ENTRY_HEADER, Marvin32.REGISTRY_SEED)
              != le.getLong(pos + 24)) {
        damage = where + " does not match its hashes";
        break;
      }
      if (sequence != expected) {
        break; // an older entry left over from an earlier use of the file: the end of this log's entries
      }
      String bad = checkEntry(le, pos, (int) size);
      if (bad != null) {
        damage = where + " " + bad;
        break;
      }
      entries.add(new LogEntry(sequence, le.getInt(pos + 16), pages(le, pos)));
      expected++;
      at += size;
    }
    return new TransactionLog(name, le, base, Format.NEW, entries, damage);
  }

  /** Why an entry whose hashes match cannot be applied, or null when it can. */
  private static String checkEntry(ByteBuffer le, int pos, int size) {
    long binsSize = Integer.toUnsignedLong(le.getInt(pos + 16));
    if (binsSize == 0 || binsSize % BIN_ALIGNMENT != 0 || binsSize > HiveRecovery.MAX_BINS) {
      return "has a bad hive bins size (" + binsSize + ")";
    }
    long count = Integer.toUnsignedLong(le.getInt(pos + 20));
    if (count == 0 || ENTRY_HEADER + 8 * count > size) {
      return "has a bad dirty page count (" + count + ")";
    }
    long data = ENTRY_HEADER + 8 * count;
    for (int i = 0; i < count; i++) {
      long offset = Integer.toUnsignedLong(le.getInt(pos + ENTRY_HEADER + 8 * i));
      long length = Integer.toUnsignedLong(le.getInt(pos + ENTRY_HEADER + 8 * i + 4));
      if (length == 0 || length % SECTOR != 0 || offset % SECTOR != 0 || offset + length > binsSize) {
        return "has dirty page " + i + " outside the hive bins (offset " + offset + ", " + length + " bytes)";
      }
      data += length;
      if (data > size) {
        return "holds less page data than its references name";
      }
    }
    return null;
  }

  private static List<DirtyPage> pages(ByteBuffer le, int pos) {
    int count = le.getInt(pos + 20);
    List<DirtyPage> out = new ArrayList<>(count);
    int data = pos + ENTRY_HEADER + 8 * count;
    for (int i = 0; i < count; i++) {
      int length = le.getInt(pos + ENTRY_HEADER + 8 * i + 4);
      out.add(new DirtyPage(le.getInt(pos + ENTRY_HEADER + 8 * i), length, data));
      data += length;
    }
    return out;
  }

  /**
   * The old format's dirty vector: a bitmap with one bit per 512-byte page of the hive bins, then the
   * pages whose bit is set, in order, from the next sector on. Windows applies it whole or not at all.
   */
  private static LogEntry dirtyVector(String name, ByteBuffer le, BaseBlock base) throws HiveException {
    long binsSize = Integer.toUnsignedLong(base.binsSize());
    if (binsSize == 0 || binsSize % BIN_ALIGNMENT != 0 || binsSize > HiveRecovery.MAX_BINS) {
      throw new HiveException(name + " has a bad hive bins size (" + binsSize + ")");
    }
    int bitmapBytes = (int) (binsSize / BIN_ALIGNMENT);
    if (le.capacity() < SECTOR + 4 + bitmapBytes || le.getInt(SECTOR) != DIRT) {
      throw new HiveException(name + " has no dirty vector (DIRT) after its header");
    }
    long pageStart = (SECTOR + 4L + bitmapBytes + SECTOR - 1) / SECTOR * SECTOR;
    List<DirtyPage> pages = new ArrayList<>();
    for (int bit = 0; bit < bitmapBytes * 8; bit++) {
      if ((le.get(SECTOR + 4 + bit / 8) >> (bit % 8) & 1) == 0) {
        continue;
      }
      long position = pageStart + (long) pages.size() * SECTOR;
      if (position + SECTOR > le.capacity()) {
        throw new HiveException(name + " is truncated: its dirty vector names more pages than the file holds");
      }
      pages.add(new DirtyPage(bit * SECTOR, SECTOR, (int) position));
    }
    if (pages.isEmpty()) {
      throw new HiveException(name + " has an empty dirty vector");
    }
    return new LogEntry(base.primarySequence(), base.binsSize(), pages);
  }

  String name() {
    return name;
  }

  BaseBlock base() {
    return base;
  }

  Format format() {
    return format;
  }

  /** The entries that may be applied, in order: all valid, with consecutive sequence numbers. */
  List<LogEntry> entries() {
    return entries;
  }

  /** Why reading stopped at a damaged entry, or null when the entries simply ended. */
  String damage() {
    return damage;
  }

  /** Copies this log's copy of the hive's base block (its first 512 bytes) to the start of a hive image. */
  void copyHeader(byte[] image) {
    bytes.get(0, image, 0, BaseBlock.LOG_COPY);
  }

  /** Copies a page of this log into a hive image. */
  void copy(DirtyPage page, byte[] image, int at) {
    bytes.get(page.logPosition(), image, at, page.size());
  }
}
