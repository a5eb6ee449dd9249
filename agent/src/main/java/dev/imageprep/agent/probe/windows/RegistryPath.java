package dev.imageprep.agent.probe.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A registry path split into its root key and the names below it: {@code
 * HKLM\SOFTWARE\Amazon} is root {@code HKLM}, names {@code [SOFTWARE, Amazon]}. The long root names
 * ({@code HKEY_LOCAL_MACHINE}) are accepted too.
 */
record RegistryPath(String root, List<String> names) {

  RegistryPath {
    names = List.copyOf(names);
  }

  static Optional<RegistryPath> parse(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    String[] parts = path.strip().split("\\\\");
    String root = switch (parts[0].toUpperCase(Locale.ROOT)) {
      case "HKLM", "HKEY_LOCAL_MACHINE" -> "HKLM";
      case "HKU", "HKEY_USERS" -> "HKU";
      default -> null;
    };
    if (root == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        names.add(parts[i]);
      }
    }
    return Optional.of(new RegistryPath(root, names));
  }

  /** The path below the root, joined with backslashes. */
  String subPath() {
    return String.join("\\", names);
  }

  boolean startsWith(String... prefix) {
    if (names.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!names.get(i).equalsIgnoreCase(prefix[i])) {
        return false;
      }
    }
    return true;
  }
}
