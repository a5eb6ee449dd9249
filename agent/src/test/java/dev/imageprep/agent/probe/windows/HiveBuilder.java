package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.windows.RegExport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes registry hive files byte by byte, following the public description of the regf format
 * (base block, one hive bin, nk/vk/lf/li/ri/db cells), so the hive reader is tested against files
 * whose every byte the test controls. There is no Windows here to produce real hives.
 */
final class HiveBuilder {

  /** How subkey lists are written: the common lf, the hash list lh, the plain li, or ri over li. */
  enum Lists { LF, LH, LI, RI }

  private final Node root = new Node("ROOT");
  private Lists lists = Lists.LF;
  private int sequence = 1;
  private int security = -1;
  private int secondary = 1;

  static final class Node {
    final String name;
    final Map<String, Node> children = new LinkedHashMap<>();
    final List<RegistryValue> values = new ArrayList<>();

    Node(String name) {
      this.name = name;
    }
  }

  /** Builds the hive of {@code hiveRoot} ({@code HKLM\SOFTWARE}) from a {@link RegExport} fixture. */
  static HiveBuilder from(Map<String, List<RegistryValue>> export, String hiveRoot) {
    HiveBuilder b = new HiveBuilder();
    String prefix = hiveRoot.toUpperCase(Locale.ROOT) + "\\";
    export.forEach((path, values) -> {
      if (path.toUpperCase(Locale.ROOT).startsWith(prefix)) {
        b.key(path.substring(prefix.length())).values.addAll(values);
      } else if (path.equalsIgnoreCase(hiveRoot)) {
        b.root.values.addAll(values);
      }
    });
    return b;
  }

  Node key(String path) {
    Node n = root;
    for (String part : path.split("\\\\")) {
      if (!part.isEmpty()) {
        n = n.children.computeIfAbsent(part.toUpperCase(Locale.ROOT), k -> new Node(part));
      }
    }
    return n;
  }

  HiveBuilder value(String keyPath, RegistryValue v) {
    key(keyPath).values.add(v);
    return this;
  }

  HiveBuilder lists(Lists kind) {
    this.lists = kind;
    return this;
  }

  /** Different sequence numbers: a hive that was not closed cleanly. */
  HiveBuilder dirty() {
    this.secondary = sequence - 1;
    return this;
  }

  byte[] build() {
    Cells cells = new Cells();
    // the root key's cell comes first, so that it stays where it is when the hive changes, as on Windows
    int rootOffset = cells.add(new byte[0x4C + nameBytes(root.name).length]);
    security = securityCell(cells, count(root));
    write(root, cells, rootOffset);
    byte[] bins = cells.bin();
    ByteBuffer base = ByteBuffer.allocate(HiveFile.BASE_BLOCK).order(ByteOrder.LITTLE_ENDIAN);
    base.put(0, "regf".getBytes(StandardCharsets.US_ASCII));
    base.putInt(4, sequence);
    base.putInt(8, secondary);
    base.putInt(0x14, 1);
    base.putInt(0x18, 5);
    base.putInt(0x1C, 0);
    base.putInt(0x20, 1);
    base.putInt(0x24, rootOffset);
    base.putInt(0x28, bins.length);
    base.putInt(0x2C, 1);
    base.putInt(0x1FC, BaseBlock.checksum(base));
    byte[] out = new byte[HiveFile.BASE_BLOCK + bins.length];
    System.arraycopy(base.array(), 0, out, 0, HiveFile.BASE_BLOCK);
    System.arraycopy(bins, 0, out, HiveFile.BASE_BLOCK, bins.length);
    return out;
  }

  /**
   * Writes a key and everything below it; returns the key node's cell offset.
   *
   * @param rootSlot the cell reserved for the root key, or -1 for any other key
   */
  private int write(Node n, Cells cells, int rootSlot) {
    boolean isRoot = rootSlot >= 0;
    List<Node> children = new ArrayList<>(n.children.values());
    children.sort(Comparator.comparing(c -> c.name.toUpperCase(Locale.ROOT)));
    List<Integer> childOffsets = new ArrayList<>();
    for (Node c : children) {
      childOffsets.add(write(c, cells, -1));
    }
    int subkeyList = children.isEmpty() ? -1 : subkeyList(childOffsets, children, cells);
    int valueList = -1;
    if (!n.values.isEmpty()) {
      ByteBuffer list = le(4 * n.values.size());
      for (RegistryValue v : n.values) {
        list.putInt(valueCell(v, cells));
      }
      valueList = cells.add(list.array());
    }
    byte[] name = nameBytes(n.name);
    boolean ascii = isAscii(n.name);
    ByteBuffer nk = le(0x4C + name.length);
    nk.put(0, (byte) 'n').put(1, (byte) 'k');
    nk.putShort(2, (short) ((ascii ? 0x20 : 0) | (isRoot ? 0x04 : 0)));
    nk.putInt(0x14, children.size());
    nk.putInt(0x1C, subkeyList);
    nk.putInt(0x20, -1);
    nk.putInt(0x24, n.values.size());
    nk.putInt(0x28, valueList);
    nk.putInt(0x2C, security);
    nk.putInt(0x30, -1);
    nk.putShort(0x48, (short) name.length);
    nk.position(0x4C);
    nk.put(name);
    if (isRoot) {
      cells.set(rootSlot, nk.array());
      return rootSlot;
    }
    return cells.add(nk.array());
  }

  /**
   * The one security cell ({@code sk}) every key shares: a list of one (its links point to itself),
   * counted once per key, holding an empty self-relative security descriptor. hivex needs it to add
   * keys; Windows' readers ignore it.
   */
  private static int securityCell(Cells cells, int keys) {
    ByteBuffer sk = le(20 + 20);
    sk.put(0, (byte) 's').put(1, (byte) 'k');
    sk.putInt(12, keys);
    sk.putInt(16, 20);
    sk.put(20, (byte) 1); // revision
    sk.putShort(22, (short) 0x8000); // SE_SELF_RELATIVE
    int offset = cells.add(sk.array());
    sk.putInt(4, offset).putInt(8, offset);
    cells.set(offset, sk.array());
    return offset;
  }

  private static int count(Node n) {
    int c = 1;
    for (Node child : n.children.values()) {
      c += count(child);
    }
    return c;
  }

  private int subkeyList(List<Integer> offsets, List<Node> children, Cells cells) {
    switch (lists) {
      case LI -> {
        return plainList("li", offsets, cells);
      }
      case RI -> {
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i += 2) {
          parts.add(plainList("li", offsets.subList(i, Math.min(offsets.size(), i + 2)), cells));
        }
        return plainList("ri", parts, cells);
      }
      default -> {
        ByteBuffer b = le(4 + 8 * offsets.size());
        b.put(0, (byte) 'l').put(1, (byte) (lists == Lists.LH ? 'h' : 'f'));
        b.putShort(2, (short) offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
          b.putInt(4 + 8 * i, offsets.get(i));
          byte[] hint = children.get(i).name.getBytes(StandardCharsets.ISO_8859_1);
          for (int k = 0; k < 4 && k < hint.length; k++) {
            b.put(8 + 8 * i + k, hint[k]);
          }
        }
        return cells.add(b.array());
      }
    }
  }

  private static int plainList(String sig, List<Integer> offsets, Cells cells) {
    ByteBuffer b = le(4 + 4 * offsets.size());
    b.put(0, (byte) sig.charAt(0)).put(1, (byte) sig.charAt(1));
    b.putShort(2, (short) offsets.size());
    for (int i = 0; i < offsets.size(); i++) {
      b.putInt(4 + 4 * i, offsets.get(i));
    }
    return cells.add(b.array());
  }

  private static int valueCell(RegistryValue v, Cells cells) {
    byte[] data = RegExport.encode(v);
    byte[] name = nameBytes(v.name());
    ByteBuffer vk = le(0x14 + name.length);
    vk.put(0, (byte) 'v').put(1, (byte) 'k');
    vk.putShort(2, (short) name.length);
    vk.putInt(12, v.type().code());
    vk.putShort(16, (short) (isAscii(v.name()) ? 1 : 0));
    if (data.length <= 4) {
      vk.putInt(4, data.length | 0x80000000);
      for (int i = 0; i < data.length; i++) {
        vk.put(8 + i, data[i]);
      }
    } else if (data.length > HiveFile.BIG_DATA_SEGMENT) {
      vk.putInt(4, data.length);
      vk.putInt(8, bigData(data, cells));
    } else {
      vk.putInt(4, data.length);
      vk.putInt(8, cells.add(data));
    }
    vk.position(0x14);
    vk.put(name);
    return cells.add(vk.array());
  }

  private static int bigData(byte[] data, Cells cells) {
    List<Integer> segments = new ArrayList<>();
    for (int at = 0; at < data.length; at += HiveFile.BIG_DATA_SEGMENT) {
      byte[] seg = java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + HiveFile.BIG_DATA_SEGMENT));
      segments.add(cells.add(seg));
    }
    ByteBuffer list = le(4 * segments.size());
    segments.forEach(list::putInt);
    int listOffset = cells.add(list.array());
    ByteBuffer db = le(8);
    db.put(0, (byte) 'd').put(1, (byte) 'b');
    db.putShort(2, (short) segments.size());
    db.putInt(4, listOffset);
    return cells.add(db.array());
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  private static byte[] nameBytes(String s) {
    return isAscii(s) ? s.getBytes(StandardCharsets.ISO_8859_1) : s.getBytes(StandardCharsets.UTF_16LE);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Cells of one hive bin, each 8-byte aligned, addressed from the start of the bin. */
  private static final class Cells {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Cells() {
      ByteBuffer header = le(32);
      header.put(0, "hbin".getBytes(StandardCharsets.US_ASCII));
      bytes.writeBytes(header.array());
    }

    int add(byte[] data) {
      int offset = bytes.size();
      int size = (4 + data.length + 7) & ~7;
      bytes.writeBytes(le(4).putInt(0, -size).array());
      bytes.writeBytes(data);
      bytes.writeBytes(new byte[size - 4 - data.length]);
      return offset;
    }

    /** Fills a cell added earlier (same size) with its data. */
    void set(int offset, byte[] data) {
      byte[] b = bytes.toByteArray();
      System.arraycopy(data, 0, b, offset + 4, data.length);
      bytes.reset();
      bytes.writeBytes(b);
    }

    /** The bin, its free space one unallocated cell (positive size) up to the next 4096 bytes. */
    byte[] bin() {
      int total = (bytes.size() + 4095) & ~4095;
      if (total > bytes.size()) {
        bytes.writeBytes(le(4).putInt(0, total - bytes.size()).array());
      }
      byte[] out = new byte[total];
      byte[] b = bytes.toByteArray();
      System.arraycopy(b, 0, out, 0, b.length);
      ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(8, total);
      return out;
    }
  }
}
