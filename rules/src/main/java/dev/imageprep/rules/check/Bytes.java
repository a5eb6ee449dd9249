package dev.imageprep.rules.check;

import java.util.Locale;

/** Byte counts for people: binary units, one decimal. */
public final class Bytes {

  private Bytes() {}

  public static String human(long bytes) {
    if (bytes < 0) {
      return "unknown size";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
