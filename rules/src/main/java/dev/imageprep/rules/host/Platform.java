package dev.imageprep.rules.host;

import java.util.Locale;

/** The operating-system family of the image. */
public enum Platform {
  LINUX,
  WINDOWS;
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform ofKey(String key) {
    for (Platform p : values()) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown platform '" + key + "' (expected linux or windows)");
  }
}
