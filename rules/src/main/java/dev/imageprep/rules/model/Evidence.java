package dev.imageprep.rules.model;


/**
 * One observation behind a check result: a path as seen inside the image, optionally a line and a
 * kind, and a detail that is always safe to print (secret values arrive here already redacted).
 *
 * @param path path inside the image, or null when the evidence is not about a file
 * @param line 1-based line number, or null
 * @param kind short machine-friendly label ({@code openssh-private-key}, {@code missing-unit}, ...)
 * @param detail human-readable, redacted text
 * @param removedBy id of the cleanup item that removes this path, or null
 */
public record Evidence(String path, Integer line, String kind, String detail, String removedBy) {

  public static Evidence of(String kind, String detail) {
    return new Evidence(null, null, kind, detail, null);
  }

  public static Evidence atPath(String path, String kind, String detail) {
    return new Evidence(path, null, kind, detail, null);
  }

  public Evidence withRemovedBy(String cleanupId) {
    return new Evidence(path, line, kind, detail, cleanupId);
  }
}
