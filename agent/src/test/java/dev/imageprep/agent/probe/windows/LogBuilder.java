package dev.imageprep.agent.probe.windows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes transaction logs byte by byte from the public format description, for the recovery cases
 * the real logs do not show: old-format (DIRT) logs, damaged or out-of-order entries, stale logs.
 * An entry carries every 4096-byte page in which one hive image differs from the next (and every
 * page the hive grew by, as Windows logs a new bin whole), with both Marvin32 hashes.
 */
final class LogBuilder {

  static final int PAGE = 4096;

  private LogBuilder() {}

  /** A copy of a hive whose header says it was not closed cleanly: primary = secondary + 1. */
  static byte[] dirty(byte[] hive) {
    byte[] out = hive.clone();
    ByteBuffer b = le(out);
    b.putInt(BaseBlock.PRIMARY_SEQUENCE, b.getInt(BaseBlock.SECONDARY_SEQUENCE) + 1);
    b.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(b));
    return out;
  }

  /** A hive whose sequence numbers are both {@code n}. */
  static byte[] sequence(byte[] hive, int n) {
    byte[] out = hive.clone();
    ByteBuffer b = le(out);
    b.putInt(BaseBlock.PRIMARY_SEQUENCE, n);
    b.putInt(BaseBlock.SECONDARY_SEQUENCE, n);
    b.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(b));
    return out;
  }

  /**
   * A new-format log whose entries take {@code states.get(0)} to each following state in turn; the
   * first entry has sequence number {@code first}, as has the log's header.
   */
  static byte[] newFormat(List<byte[]> states, int first) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(states.get(0), 6, first));
    for (int i = 1; i < states.size(); i++) {
      out.writeBytes(entry(states.get(i - 1), states.get(i), first + i - 1));
    }
    out.writeBytes(new byte[1024]); // zeros after the last entry, as in a real log
    return out.toByteArray();
  }

  /** One HvLE entry from one hive image to the next. */
  static byte[] entry(byte[] from, byte[] to, int sequence) {
    List<int[]> pages = changedPages(from, to);
    int dataBytes = pages.size() * PAGE;
    int size = align(40 + 8 * pages.size() + dataBytes, 512);
    ByteBuffer e = le(new byte[size]);
    e.putInt(0, 0x454C7648);
    e.putInt(4, size);
    e.putInt(12, sequence);
    e.putInt(16, binsSize(to));
    e.putInt(20, pages.size());
    int data = 40 + 8 * pages.size();
    for (int i = 0; i < pages.size(); i++) {
      int offset = pages.get(i)[0];
      e.putInt(40 + 8 * i, offset);
      e.putInt(44 + 8 * i, PAGE);
      e.put(data + i * PAGE, to, BaseBlock.SIZE + offset, PAGE);
    }
    rehash(e.array(), 0);
    return e.array();
  }

  /** Recomputes both hashes of the entry at {@code at} (after a test changed it on purpose). */
  static void rehash(byte[] log, int at) {
    ByteBuffer e = le(log);
    int size = e.getInt(at + 4);
    e.putLong(at + 24, Marvin32.hash(e, at + 40, size - 40, Marvin32.REGISTRY_SEED));
    e.putLong(at + 32, Marvin32.hash(e, at, 32, Marvin32.REGISTRY_SEED));
  }

  /** An old-format log: the dirty vector of every 512-byte page that differs, and those pages. */
  static byte[] oldFormat(byte[] from, byte[] to, long lastWritten) {
    int bins = binsSize(to);
    byte[] bitmap = new byte[bins / PAGE];
    ByteArrayOutputStream pages = new ByteArrayOutputStream();
    for (int p = 0; p < bins / 512; p++) {
      int at = BaseBlock.SIZE + p * 512;
      byte[] now = Arrays.copyOfRange(to, at, at + 512);
      byte[] was = at + 512 <= from.length ? Arrays.copyOfRange(from, at, at + 512) : new byte[512];
      if (!Arrays.equals(now, was)) {
        bitmap[p / 8] |= (byte) (1 << (p % 8));
        pages.writeBytes(now);
      }
    }
    byte[] head = header(to, 1, le(from).getInt(BaseBlock.PRIMARY_SEQUENCE));
    le(head).putLong(12, lastWritten);
    le(head).putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(le(head)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.writeBytes("DIRT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(bitmap);
    out.writeBytes(new byte[align(out.size(), 512) - out.size()]);
    out.writeBytes(pages.toByteArray());
    return out.toByteArray();
  }

  /** A log's first sector: the hive's header with the log's file type and sequence numbers. */
  private static byte[] header(byte[] hive, int type, int sequence) {
    byte[] head = Arrays.copyOf(hive, 512);
    ByteBuffer b = le(head);
    b.putInt(BaseBlock.PRIMARY_SEQUENCE, sequence);
    b.putInt(BaseBlock.SECONDARY_SEQUENCE, sequence);
    b.putInt(BaseBlock.FILE_TYPE, type);
    b.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(b));
    return head;
  }

  /** Offsets (in the hive bins) of the 4096-byte pages that differ, and of every page grown. */
  private static List<int[]> changedPages(byte[] from, byte[] to) {
    List<int[]> out = new ArrayList<>();
    int fromBins = binsSize(from);
    for (int offset = 0; offset < binsSize(to); offset += PAGE) {
      int at = BaseBlock.SIZE + offset;
      if (offset >= fromBins || !Arrays.equals(from, at, at + PAGE, to, at, at + PAGE)) {
        out.add(new int[] {offset});
      }
    }
    return out;
  }

  static int binsSize(byte[] hive) {
    return le(hive).getInt(BaseBlock.BINS_SIZE);
  }

  private static int align(int n, int to) {
    return (n + to - 1) / to * to;
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }
}
