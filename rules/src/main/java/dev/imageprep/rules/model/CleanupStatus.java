package dev.imageprep.rules.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one planned cleanup step stands. */
public enum CleanupStatus {
  PLANNED,
  DONE,
  SKIPPED,
  FAILED;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
