package dev.imageprep.rules.host;

import java.util.Locale;

/** How much a failed rule matters: only {@link #ERROR} can make an image not ready. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is {@code threshold} or more serious ({@code ERROR} is at least {@code WARNING}). */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses the catalog spelling ({@code error}, {@code warning}, {@code info}). */
  public static Severity ofKey(String key) {
    for (Severity s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + key + "' (expected error, warning or info)");
  }
}
