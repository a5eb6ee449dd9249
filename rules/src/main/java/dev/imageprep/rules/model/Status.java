package dev.imageprep.rules.model;

import java.util.Locale;

/**
 * The outcome of one check. {@link #UNKNOWN} means the check could not see (permission denied, tool
 * missing, timeout) and is never counted as a pass. {@link #RESOLVED_BY_CLEANUP} is a failure whose
 * every finding the profile's cleanup removes: it does not stop {@code prepare}, whose verify step
 * checks it again, but the image is not ready until the cleanup ran.
 */
public enum Status {
  PASS,
  FAIL,
  WARN,
  UNKNOWN,
  SKIPPED,
  RESOLVED_BY_CLEANUP;
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
