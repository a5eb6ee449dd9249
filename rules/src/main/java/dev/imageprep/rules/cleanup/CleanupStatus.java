package dev.imageprep.rules.cleanup;

import java.util.Locale;

/** Where one planned cleanup step stands. */
public enum CleanupStatus {
  PLANNED,
  DONE,
  SKIPPED,
  FAILED;
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
