package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hive file printed from one of its keys down, as {@code reg export} prints a loaded hive: what
 * {@code imageprep registry export} does. The hive's root is printed as the key Windows loads the
 * file under ({@code HKEY_LOCAL_MACHINE\SYSTEM} for {@code SYSTEM}, {@code HKEY_CURRENT_USER} for
 * {@code NTUSER.DAT}), or as the prefix given.
 */
public final class HiveExport {

  private final HiveFile hive;
  private final String prefix;

  /** @param prefix the text for the hive's root key; null for the default of its file name */
  public HiveExport(HiveFile hive, String prefix) {
    this.hive = hive;
    this.prefix = prefix == null ? defaultPrefix(hive.name()) : stripSlash(prefix);
  }

  /** The key a hive file is loaded under, as {@code reg load HKLM\NAME FILE} would for other files. */
  static String defaultPrefix(String fileName) {
    return switch (fileName.toUpperCase(Locale.ROOT)) {
      case "NTUSER.DAT" -> "HKEY_CURRENT_USER";
      case "USRCLASS.DAT" -> "HKEY_CURRENT_USER\\Software\\Classes";
      case "DEFAULT" -> "HKEY_USERS\\.DEFAULT";
      default -> "HKEY_LOCAL_MACHINE\\" + fileName;
    };
  }

  /** How the hive was read: closed cleanly, replayed from its logs, or from a dirty primary file alone. */
  public String stateNote() {
    return hive.state().detail();
  }

  public boolean clean() {
    return hive.state().kind() == HiveState.Kind.CLEAN;
  }

  /**
   * Writes the header and the key named by {@code keyText} with everything below it.
   *
   * @param keyText a path below the root ({@code ControlSet001\Services}), optionally starting with the
   *     root's own text ({@code HKLM\SYSTEM\...}); {@code CurrentControlSet} names the control set
   *     {@code Select\Current} names, as on a running system; null or empty for the root
   * @return false when there is no such key (nothing is written then)
   */
  public boolean write(String keyText, RegFileWriter out) throws IOException, HiveException {
    List<String> names = below(keyText == null ? "" : keyText);
    HiveFile.Key key = hive.root();
    StringBuilder path = new StringBuilder(prefix);
    for (int i = 0; i < names.size(); i++) {
      Optional<HiveFile.Key> next = key.subkey(names.get(i));
      if (next.isEmpty() && i == 0 && names.get(0).equalsIgnoreCase("CurrentControlSet")) {
        Optional<String> current = hive.currentControlSet();
        next = current.isPresent() ? key.subkey(current.get()) : Optional.empty();
      }
      if (next.isEmpty()) {
        return false;
      }
      key = next.get();
      path.append('\\').append(key.name());
    }
    out.header();
    out.write(key, path.toString());
    return true;
  }

  /** The names below the root: the prefix (or its short form, HKLM for HKEY_LOCAL_MACHINE) dropped. */
  private List<String> below(String keyText) {
    List<String> names = new ArrayList<>(Arrays.stream(keyText.split("\\\\")).filter(s -> !s.isEmpty()).toList());
    List<String> root = Arrays.stream(prefix.split("\\\\")).filter(s -> !s.isEmpty()).toList();
    if (names.size() >= root.size() && !root.isEmpty()) {
      boolean same = longRoot(names.get(0)).equalsIgnoreCase(root.get(0));
      for (int i = 1; same && i < root.size(); i++) {
        same = names.get(i).equalsIgnoreCase(root.get(i));
      }
      if (same) {
        names.subList(0, root.size()).clear();
      }
    }
    return names;
  }

  private static String longRoot(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "HKLM" -> "HKEY_LOCAL_MACHINE";
      case "HKCU" -> "HKEY_CURRENT_USER";
      case "HKU" -> "HKEY_USERS";
      default -> name;
    };
  }

  private static String stripSlash(String s) {
    return s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
  }
}
