package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only reader of Windows registry hive files (the "regf" format of {@code
 * Windows\System32\config\SOFTWARE}, {@code SYSTEM}, a user's {@code NTUSER.DAT}), enough to walk
 * keys and decode values. A hive that was not closed cleanly is first brought up to date from the
 * transaction logs beside it, in memory ({@link HiveRecovery}); {@link #state()} says whether that
 * happened, or whether the primary file had to be read as it is. The base block's signature and
 * checksum are checked and every offset is bounds-checked, so a corrupt file gives a {@link
 * HiveException}, never a wrong answer. Files are opened for reading only.
 *
 * <p>Layout, from the public format descriptions: a 4096-byte base block ({@code regf}), then hive
 * bins ({@code hbin}) holding cells; a cell starts with its size as a signed 32-bit number (negative
 * while allocated), and cell offsets count from the end of the base block. Key nodes ({@code nk})
 * point to subkey lists ({@code lf}, {@code lh}, {@code li}, or {@code ri} lists of lists) and to a
 * value list of {@code vk} cells; value data larger than 16344 bytes is split into segments
 * ({@code db}). Numbers are little-endian.
 */
public final class HiveFile {

  static final int BASE_BLOCK = BaseBlock.SIZE;
  static final int BIG_DATA_SEGMENT = 16344;
  private static final int KEY_COMP_NAME = 0x0020;
  private static final int VALUE_COMP_NAME = 0x0001;
  private static final int NONE = 0xFFFFFFFF;

  private final ByteBuffer data;
  private final String name;
  private final HiveState state;
  private final int minorVersion;
  private final int binsEnd;
  private final int rootOffset;
  /** Per key node: its subkeys' upper-case names to their cells, built on the first lookup. */
  private final Map<Integer, Map<String, Integer>> children = new HashMap<>();

  private HiveFile(ByteBuffer data, String name, HiveState state) throws HiveException {
    this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.name = name;
    this.state = state;
    if (this.data.capacity() < BASE_BLOCK + 32) {
      throw new HiveException(name + " is too small to be a registry hive");
    }
    BaseBlock base = BaseBlock.read(this.data, name);
    if (!base.checksumValid()) {
      throw new HiveException(name + " has a damaged header (checksum mismatch)");
    }
    if (base.majorVersion() != 1) {
      throw new HiveException(name + " has unsupported format version " + base.majorVersion());
    }
    this.minorVersion = base.minorVersion();
    this.binsEnd = (int) Math.min((long) this.data.capacity(), BASE_BLOCK + Integer.toUnsignedLong(base.binsSize()));
    this.rootOffset = base.rootCell();
    if (this.data.getInt(BASE_BLOCK) != 0x6E696268) { // "hbin"
      throw new HiveException(name + " has no hive bin after its header");
    }
  }

  /** Opens a hive file read-only, with the transaction logs beside it when it was not closed cleanly. */
  public static HiveFile open(Path file) throws IOException, HiveException {
    HiveLogs logs = HiveLogs.beside(file);
    Path dir = file.toAbsolutePath().getParent();
    return open(file, logs.names().stream().map(dir::resolve).toList(), logs.problems());
  }

  /**
   * Opens a hive file read-only; its logs are read only if it was not closed cleanly.
   *
   * @param problems what is already known to be wrong with its logs (ambiguous names)
   */
  static HiveFile open(Path file, List<Path> logs, List<String> problems) throws IOException, HiveException {
    String name = String.valueOf(file.getFileName());
    ByteBuffer primary = map(file, name);
    List<HiveRecovery.LogFile> logFiles = new ArrayList<>();
    List<String> why = new ArrayList<>(problems);
    if (!BaseBlock.read(primary, name).clean()) {
      for (Path log : logs) {
        String logName = String.valueOf(log.getFileName());
        try {
          logFiles.add(new HiveRecovery.LogFile(logName, map(log, logName)));
        } catch (IOException | HiveException e) {
          why.add(logName + " could not be read: " + e.getMessage());
        }
      }
    }
    HiveRecovery.Result r = HiveRecovery.recover(name, primary, logFiles, why);
    return new HiveFile(r.image(), name, r.state());
  }

  private static ByteBuffer map(Path file, String name) throws IOException, HiveException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new HiveException(name + " is larger than 2 GiB, which no hive is");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }

  /** Reads a hive held in memory (tests, small hives), as Windows would with no logs beside it. */
  public static HiveFile of(byte[] bytes, String name) throws HiveException {
    return of(bytes, name, Map.of());
  }

  /** Reads a hive held in memory with logs held in memory, by file name. */
  static HiveFile of(byte[] bytes, String name, Map<String, byte[]> logs) throws HiveException {
    List<HiveRecovery.LogFile> logFiles = new ArrayList<>();
    logs.forEach((logName, b) -> logFiles.add(new HiveRecovery.LogFile(logName, ByteBuffer.wrap(b))));
    HiveRecovery.Result r = HiveRecovery.recover(name, ByteBuffer.wrap(bytes), logFiles, List.of());
    return new HiveFile(r.image(), name, r.state());
  }

  /** Whether the hive was closed cleanly, replayed from its logs, or read from a primary file left dirty. */
  HiveState state() {
    return state;
  }

  public String name() {
    return name;
  }

  /** The hive's root key. */
  public Key root() throws HiveException {
    return key(rootOffset);
  }

  /** Follows a path of subkey names from the root; names compare without case. */
  public Optional<Key> find(List<String> names) throws HiveException {
    Key k = root();
    for (String n : names) {
      Optional<Key> next = k.subkey(n);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      k = next.get();
    }
    return Optional.of(k);
  }

  /**
   * The control set a SYSTEM hive boots with, {@code ControlSet00N} from {@code Select\Current}: an
   * offline SYSTEM hive has no {@code CurrentControlSet}, which Windows makes as a link at boot.
   */
  public Optional<String> currentControlSet() throws HiveException {
    Optional<Key> select = find(List.of("Select"));
    if (select.isEmpty()) {
      return Optional.empty();
    }
    return select.get().values().stream().filter(v -> v.isNamed("Current")).findFirst()
        .flatMap(RegistryValue::asLong).map(n -> String.format(Locale.ROOT, "ControlSet%03d", n));
  }

  /** A key node. */
  public final class Key {
    private final int cell;
    private final String keyName;

    private Key(int cell, String keyName) {
      this.cell = cell;
      this.keyName = keyName;
    }

    public String name() {
      return keyName;
    }

    /** The key node's cell offset: the key's identity within the hive. */
    int cell() {
      return cell;
    }

    /** The subkeys' offsets, in the hive's (sorted) order. */
    private List<Integer> subkeyCells() throws HiveException {
      int count = u32(cell + 0x14);
      int list = data.getInt(cell + 0x1C);
      List<Integer> out = new ArrayList<>();
      if (count == 0 || list == NONE) {
        return out;
      }
      collectList(list, out, 0);
      if (out.size() != count) {
        throw corrupt("key " + keyName + " says " + count + " subkeys, its lists hold " + out.size());
      }
      return out;
    }

    public List<String> subkeyNames() throws HiveException {
      List<String> out = new ArrayList<>();
      for (Key k : subkeys()) {
        out.add(k.name());
      }
      return out;
    }

    /** The subkeys, in the hive's order (sorted by upper-case name, as Windows keeps them). */
    public List<Key> subkeys() throws HiveException {
      List<Key> out = new ArrayList<>();
      for (int c : subkeyCells()) {
        out.add(key(c));
      }
      return out;
    }

    /** Looks a subkey up by name; the first lookup under a key indexes all its subkeys' names. */
    public Optional<Key> subkey(String wanted) throws HiveException {
      Map<String, Integer> index = children.get(cell);
      if (index == null) {
        index = new HashMap<>();
        for (int c : subkeyCells()) {
          index.putIfAbsent(key(c).name().toUpperCase(Locale.ROOT), c);
        }
        children.put(cell, index);
      }
      Integer c = index.get(wanted.toUpperCase(Locale.ROOT));
      return c == null ? Optional.empty() : Optional.of(key(c));
    }

    public List<RegistryValue> values() throws HiveException {
      List<RegistryValue> out = new ArrayList<>();
      for (RawValue v : rawValues()) {
        out.add(v.decoded());
      }
      return out;
    }

    /** The values as stored: name, type number and data bytes, in the hive's order. */
    public List<RawValue> rawValues() throws HiveException {
      int count = u32(cell + 0x24);
      int list = data.getInt(cell + 0x28);
      List<RawValue> out = new ArrayList<>();
      if (count == 0 || list == NONE) {
        return out;
      }
      int at = cellData(list, count * 4L);
      for (int i = 0; i < count; i++) {
        out.add(value(data.getInt(at + 4 * i)));
      }
      return out;
    }
  }

  /**
   * A value as the hive stores it.
   *
   * @param type the {@code REG_*} number, which may be one no Windows API names
   */
  public record RawValue(String name, int type, byte[] data) {
    public RegistryValue decoded() {
      return decode(name, type, data);
    }
  }

  private Key key(int offset) throws HiveException {
    int at = cellData(offset, 0x4C);
    if (data.getShort(at) != 0x6B6E) { // "nk"
      throw corrupt("no key node at offset " + offset);
    }
    int flags = data.getShort(at + 2) & 0xFFFF;
    int nameLength = data.getShort(at + 0x48) & 0xFFFF;
    cellData(offset, 0x4CL + nameLength);
    return new Key(at, text(at + 0x4C, nameLength, (flags & KEY_COMP_NAME) != 0));
  }

  private void collectList(int offset, List<Integer> out, int depth) throws HiveException {
    int at = cellData(offset, 4);
    int signature = data.getShort(at) & 0xFFFF;
    int count = data.getShort(at + 2) & 0xFFFF;
    switch (signature) {
      case 0x666C, 0x686C -> { // "lf", "lh": offset and 4-byte hint or hash
        cellData(offset, 4 + 8L * count);
        for (int i = 0; i < count; i++) {
          out.add(data.getInt(at + 4 + 8 * i));
        }
      }
      case 0x696C -> { // "li": offsets only
        cellData(offset, 4 + 4L * count);
        for (int i = 0; i < count; i++) {
          out.add(data.getInt(at + 4 + 4 * i));
        }
      }
      case 0x6972 -> { // "ri": a list of lists, one level deep
        if (depth > 0) {
          throw corrupt("nested index root at offset " + offset);
        }
        cellData(offset, 4 + 4L * count);
        for (int i = 0; i < count; i++) {
          collectList(data.getInt(at + 4 + 4 * i), out, depth + 1);
        }
      }
      default -> throw corrupt("no subkey list at offset " + offset);
    }
  }

  private RawValue value(int offset) throws HiveException {
    int at = cellData(offset, 0x14);
    if (data.getShort(at) != 0x6B76) { // "vk"
      throw corrupt("no value at offset " + offset);
    }
    int nameLength = data.getShort(at + 2) & 0xFFFF;
    int rawSize = data.getInt(at + 4);
    int dataOffset = data.getInt(at + 8);
    int type = data.getInt(at + 12);
    int flags = data.getShort(at + 16) & 0xFFFF;
    cellData(offset, 0x14L + nameLength);
    String valueName = nameLength == 0 ? "" : text(at + 0x14, nameLength, (flags & VALUE_COMP_NAME) != 0);
    byte[] bytes;
    if (rawSize < 0) { // resident: up to 4 bytes in the offset field itself
      int n = Math.min(4, rawSize & 0x7FFFFFFF);
      bytes = new byte[n];
      for (int i = 0; i < n; i++) {
        bytes[i] = data.get(at + 8 + i);
      }
    } else if (rawSize > BIG_DATA_SEGMENT && minorVersion > 3) {
      bytes = bigData(dataOffset, rawSize);
    } else {
      int d = cellData(dataOffset, rawSize);
      bytes = new byte[rawSize];
      data.get(d, bytes);
    }
    return new RawValue(valueName, type, bytes);
  }

  private byte[] bigData(int offset, int size) throws HiveException {
    int at = cellData(offset, 8);
    if (data.getShort(at) != 0x6264) { // "db"
      throw corrupt("no big data record at offset " + offset);
    }
    int segments = data.getShort(at + 2) & 0xFFFF;
    int list = cellData(data.getInt(at + 4), 4L * segments);
    if ((long) segments * BIG_DATA_SEGMENT < size || size > binsEnd) {
      throw corrupt("big data at offset " + offset + " cannot hold " + size + " bytes");
    }
    byte[] out = new byte[size];
    int filled = 0;
    for (int i = 0; i < segments && filled < size; i++) {
      int n = Math.min(BIG_DATA_SEGMENT, size - filled);
      int d = cellData(data.getInt(list + 4 * i), n);
      data.get(d, out, filled, n);
      filled += n;
    }
    if (filled != size) {
      throw corrupt("big data at offset " + offset + " holds " + filled + " of " + size + " bytes");
    }
    return out;
  }

  /** Decodes value data by its type. */
  static RegistryValue decode(String name, int type, byte[] b) {
    RegistryValue.Type t = RegistryValue.Type.ofCode(type);
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    return switch (t) {
      case SZ, EXPAND_SZ, LINK -> new RegistryValue(name, t, utf16z(b));
      case DWORD -> new RegistryValue(name, t, b.length >= 4 ? Integer.toUnsignedLong(le.getInt(0))
          : (long) (b.length == 0 ? 0 : le.get(0) & 0xFF));
      case DWORD_BIG_ENDIAN -> new RegistryValue(name, t, b.length >= 4
          ? Integer.toUnsignedLong(ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).getInt(0)) : 0L);
      case QWORD -> new RegistryValue(name, t, b.length >= 8 ? le.getLong(0) : 0L);
      case MULTI_SZ -> new RegistryValue(name, t, multi(b));
      default -> new RegistryValue(name, t, b);
    };
  }

  private static String utf16z(byte[] b) {
    String s = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }

  private static List<String> multi(byte[] b) {
    String s = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
    List<String> out = new ArrayList<>();
    for (String part : s.split("\0", -1)) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /**
   * The absolute position of a cell's data, checking that the cell lies inside the hive bins and
   * holds at least {@code need} bytes.
   */
  private int cellData(int offset, long need) throws HiveException {
    long start = BASE_BLOCK + Integer.toUnsignedLong(offset);
    if (offset == NONE || start + 4 > binsEnd) {
      throw corrupt("cell offset " + Integer.toUnsignedString(offset) + " is outside the hive");
    }
    int size = data.getInt((int) start);
    long length = Math.abs((long) size);
    if (length < 8 || start + length > binsEnd || need + 4 > length) {
      throw corrupt("cell at offset " + offset + " has a bad size (" + size + ")");
    }
    return (int) start + 4;
  }

  private String text(int at, int length, boolean ascii) {
    byte[] b = new byte[length];
    data.get(at, b);
    return ascii ? new String(b, StandardCharsets.ISO_8859_1) : new String(b, 0, length & ~1, StandardCharsets.UTF_16LE);
  }

  private int u32(int at) throws HiveException {
    int v = data.getInt(at);
    if (v < 0) {
      throw corrupt("count out of range at " + at);
    }
    return v;
  }

  private HiveException corrupt(String what) {
    return new HiveException(name + " is damaged: " + what);
  }
}
