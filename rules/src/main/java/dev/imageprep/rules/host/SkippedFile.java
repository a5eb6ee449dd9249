package dev.imageprep.rules.host;

/**
 * A file a scan did not read, and why.
 *
 * @param cause the kind of reason, which decides whether the scan could still see everything it
 *     should have seen
 * @param reason the reason in words (never file content)
 */
public record SkippedFile(ImagePath path, Cause cause, String reason) {

  /** Why a file was not scanned. */
  public enum Cause {
    /** Binary content (a NUL byte near the start): by design, not a blind spot. */
    BINARY,
    /** Larger than the scan's size limit: by design, but worth a look. */
    TOO_LARGE,
    /** A FIFO, socket or device: reading it could block or never end. */
    SPECIAL,
    /** Could not be read (permission denied, I/O error, changed during the scan). */
    UNREADABLE,
    /** The per-file regex budget ran out before every detector finished. */
    BUDGET;

    /** True when the scan could not see what it meant to see: a pass is not possible then. */
    public boolean isBlindSpot() {
      return this == UNREADABLE || this == BUDGET;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
