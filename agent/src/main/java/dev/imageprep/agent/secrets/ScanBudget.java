package dev.imageprep.agent.secrets;

/**
 * A hard limit on the regular-expression work spent on one file, counted in characters the regex
 * engine reads. {@code java.util.regex} backtracks, so a pathological pattern (a user's {@code
 * (a+)+$}) on an unlucky line could run for hours; counting reads bounds every file without timers,
 * and the file is then reported as not fully scanned instead of hanging the run.
 */
final class ScanBudget {

  /** Thrown (preallocated, without a stack trace) when a file's budget runs out. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Exceeded() {
      super("regex budget exceeded", null, false, false);
    }
  }

  static final Exceeded EXCEEDED = new Exceeded();

  /** Reads allowed per byte of the file, on top of {@link #BASE}: far above what the built-ins use. */
  static final long PER_BYTE = 200;

  static final long BASE = 4_000_000;

  private long remaining;

  ScanBudget(long reads) {
    this.remaining = reads;
  }

  /** The budget for a file of {@code length} bytes. */
  static ScanBudget forFile(int length) {
    return new ScanBudget(BASE + PER_BYTE * length);
  }

  void spend() {
    if (--remaining < 0) {
      throw EXCEEDED;
    }
  }
}
