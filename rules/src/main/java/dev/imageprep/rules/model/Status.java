package dev.imageprep.rules.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The outcome of one check. {@link #UNKNOWN} means the check could not see (permission denied, tool
 * missing, timeout) and is never counted as a pass.
 */
public enum Status {
  PASS,
  FAIL,
  WARN,
  UNKNOWN,
  SKIPPED;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
