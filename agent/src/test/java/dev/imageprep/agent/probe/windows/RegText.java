package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.windows.RegExport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the text of a registry export (ours, or hivexregedit's) into key path → value name → a
 * comparable form of the data, so that two readers of the same hive can be compared key for key
 * whatever notation each chose: {@code "text"}, {@code dword:}, {@code hex:} or {@code hex(N):}. A REG_SZ compares as its text up to the first NUL (what Windows reads),
 * everything else as its type and exact bytes.
 */
final class RegText {

  private RegText() {}

  /** @param prefix what to strip from the start of every key path (the root key's own text) */
  static Map<String, Map<String, String>> parse(String text, String prefix) {
    Map<String, Map<String, String>> keys = new LinkedHashMap<>();
    Map<String, String> current = null;
    StringBuilder pending = new StringBuilder();
    for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
      if (pending.length() > 0 || (raw.endsWith("\\") && raw.contains("=hex"))) {
        pending.append(raw.strip());
        if (raw.endsWith("\\")) {
          pending.setLength(pending.length() - 1);
          continue;
        }
        raw = pending.toString();
        pending.setLength(0);
      }
      if (raw.isEmpty() || raw.startsWith("Windows Registry Editor")) {
        continue;
      }
      if (raw.startsWith("[") && raw.endsWith("]")) {
        String path = raw.substring(1, raw.length() - 1);
        if (!path.startsWith(prefix)) {
          throw new IllegalArgumentException("key outside " + prefix + ": " + path);
        }
        path = path.substring(prefix.length());
        current = new LinkedHashMap<>();
        if (keys.put(path.isEmpty() ? "\\" : path, current) != null) {
          throw new IllegalArgumentException("key printed twice: " + path);
        }
        continue;
      }
      if (current == null) {
        throw new IllegalArgumentException("value outside a key: " + raw);
      }
      int split = raw.startsWith("@=") ? 1 : RegExport.closingQuote(raw, 1) + 1;
      String name = raw.startsWith("@=") ? "" : unescape(raw.substring(1, split - 1));
      if (current.put(name, comparable(raw.substring(split + 1))) != null) {
        throw new IllegalArgumentException("value printed twice: " + raw);
      }
    }
    return keys;
  }

  private static String comparable(String data) {
    if (data.startsWith("\"")) {
      return "1:" + unescape(data.substring(1, data.length() - 1));
    }
    if (data.startsWith("dword:")) {
      long n = Long.parseLong(data.substring(6), 16);
      return "4:" + String.format("%02x%02x%02x%02x", n & 0xFF, n >> 8 & 0xFF, n >> 16 & 0xFF, n >> 24 & 0xFF);
    }
    int type = data.startsWith("hex:") ? 3 : Integer.parseUnsignedInt(data.substring(4, data.indexOf(')')), 16);
    String hex = data.substring(data.indexOf(':') + 1).replace(",", "");
    if (type == 1) {
      return "1:" + text(hex);
    }
    return Integer.toUnsignedString(type) + ":" + hex;
  }

  /** A REG_SZ's bytes as Windows reads them: UTF-16LE up to the first NUL. */
  private static String text(String hex) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < hex.length(); i += 2) {
      b.write(Integer.parseInt(hex.substring(i, i + 2), 16));
    }
    byte[] bytes = b.toByteArray();
    String s = new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }
}
