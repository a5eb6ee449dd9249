package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.RegistryValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses registry exports in {@code regedit}'s text format, the fixtures of the Windows tests:
 *
 * <pre>
 * Windows Registry Editor Version 5.00
 *
 * [HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion]
 * "ProductName"="Windows Server 2019 Datacenter"
 * "CurrentMajorVersionNumber"=dword:0000000a
 * "PathName"=hex(2):43,00,3a,00,00,00
 * &#64;="default value"
 * </pre>
 *
 * Keys keep their order; root names are shortened to {@code HKLM} and {@code HKU}.
 */
public final class RegExport {

  private RegExport() {}

  /** Key path to its values, in file order; every key that appears in brackets is present. */
  public static Map<String, List<RegistryValue>> parse(String text) {
    Map<String, List<RegistryValue>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<RegistryValue> current = null;
    String pending = null;
    for (String raw : text.replace("\r", "").split("\n")) {
      String line = pending == null ? raw.strip() : pending + raw.strip();
      pending = null;
      if (line.endsWith("\\") && line.contains("=hex")) {
        pending = line.substring(0, line.length() - 1);
        continue;
      }
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("Windows Registry Editor")
          || line.equals("REGEDIT4")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String path = shortRoot(line.substring(1, line.length() - 1));
        current = keys.computeIfAbsent(path, k -> new ArrayList<>());
        continue;
      }
      if (current == null) {
        throw new IllegalArgumentException("value outside a key: " + line);
      }
      current.add(value(line));
    }
    return keys;
  }

  public static Map<String, List<RegistryValue>> resource(String name) {
    try (InputStream in = RegExport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String shortRoot(String path) {
    String upper = path.toUpperCase(Locale.ROOT);
    if (upper.startsWith("HKEY_LOCAL_MACHINE")) {
      return "HKLM" + path.substring("HKEY_LOCAL_MACHINE".length());
    }
    if (upper.startsWith("HKEY_USERS")) {
      return "HKU" + path.substring("HKEY_USERS".length());
    }
    return path;
  }

  private static RegistryValue value(String line) {
    String name;
    int rest;
    if (line.startsWith("@=")) {
      name = "";
      rest = 2;
    } else if (line.startsWith("\"")) {
      int end = closingQuote(line, 1);
      name = unescape(line.substring(1, end));
      if (end + 1 >= line.length() || line.charAt(end + 1) != '=') {
        throw new IllegalArgumentException("no '=' after the value name: " + line);
      }
      rest = end + 2;
    } else {
      throw new IllegalArgumentException("not a value line: " + line);
    }
    String data = line.substring(rest);
    if (data.startsWith("\"")) {
      return new RegistryValue(name, RegistryValue.Type.SZ, unescape(data.substring(1, closingQuote(data, 1))));
    }
    if (data.startsWith("dword:")) {
      return new RegistryValue(name, RegistryValue.Type.DWORD, Long.parseLong(data.substring(6), 16));
    }
    int type = 3;
    String hex;
    if (data.startsWith("hex(")) {
      int close = data.indexOf("):");
      type = Integer.parseInt(data.substring(4, close), 16);
      hex = data.substring(close + 2);
    } else if (data.startsWith("hex:")) {
      hex = data.substring(4);
    } else {
      throw new IllegalArgumentException("unknown value data: " + line);
    }
    return decode(name, type, bytes(hex));
  }

  /** The value a hive would hold for these bytes. */
  public static RegistryValue decode(String name, int type, byte[] b) {
    RegistryValue.Type t = RegistryValue.Type.ofCode(type);
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    return switch (t) {
      case SZ, EXPAND_SZ, LINK -> {
        String s = new String(b, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        yield new RegistryValue(name, t, nul >= 0 ? s.substring(0, nul) : s);
      }
      case DWORD -> new RegistryValue(name, t, Integer.toUnsignedLong(le.getInt(0)));
      case QWORD -> new RegistryValue(name, t, le.getLong(0));
      case MULTI_SZ -> {
        List<String> parts = new ArrayList<>();
        for (String p : new String(b, StandardCharsets.UTF_16LE).split("\0")) {
          if (!p.isEmpty()) {
            parts.add(p);
          }
        }
        yield new RegistryValue(name, t, parts);
      }
      default -> new RegistryValue(name, t, b);
    };
  }

  /** The bytes a hive stores for a value: UTF-16LE strings with their NULs, little-endian numbers. */
  @SuppressWarnings("unchecked")
  public static byte[] encode(RegistryValue v) {
    return switch (v.type()) {
      case SZ, EXPAND_SZ, LINK -> (v.data() + "\0").getBytes(StandardCharsets.UTF_16LE);
      case DWORD -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (long) (Long) v.data())
          .array();
      case QWORD -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong((Long) v.data()).array();
      case MULTI_SZ -> (String.join("\0", (List<String>) v.data()) + "\0\0").getBytes(StandardCharsets.UTF_16LE);
      default -> (byte[]) v.data();
    };
  }

  private static byte[] bytes(String hex) {
    String h = hex.replace(" ", "");
    if (h.isEmpty()) {
      return new byte[0];
    }
    String[] parts = h.split(",");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  /** The index of the quote that closes a string opened before {@code from}, skipping escaped characters. */
  public static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == '"') {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed quote: " + s);
  }

  private static String unescape(String s) {
    return s.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** Keys merged in order: later keys' values replace earlier ones by name. */
  @SafeVarargs
  public static Map<String, List<RegistryValue>> merge(Map<String, List<RegistryValue>>... exports) {
    Map<String, List<RegistryValue>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map<String, List<RegistryValue>> e : exports) {
      e.forEach((key, values) -> {
        Map<String, RegistryValue> byName = new LinkedHashMap<>();
        out.getOrDefault(key, List.of()).forEach(v -> byName.put(v.name().toLowerCase(Locale.ROOT), v));
        values.forEach(v -> byName.put(v.name().toLowerCase(Locale.ROOT), v));
        out.put(key, new ArrayList<>(byName.values()));
      });
    }
    return out;
  }
}
