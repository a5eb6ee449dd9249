package dev.imageprep.agent.secrets;

import java.util.List;

/**
 * Finds secrets in a file's text near a keyword. The scanner runs one keyword pass over the file and
 * calls a detector only where one of its keywords occurs; the detector looks at the surrounding
 * line (or block) and reports what it finds, already redacted.
 */
interface Detector {

  /** The kinds of finding this detector may report. */
  List<DetectorKind> kinds();

  /**
   * Case-insensitive ASCII literals. Empty means the detector reads every file its {@link #paths}
   * allow, from the start ({@code hitStart} and {@code hitEnd} are then 0).
   */
  List<String> keywords();

  /** The files the detector is limited to; matching everything by default. */
  default PathPatterns paths() {
    return PathPatterns.ANY;
  }

  /**
   * True when a finding of this detector stands back for a specific detector's finding on the same
   * line (a generic {@code password = ...} under a known token).
   */
  default boolean generic() {
    return false;
  }

  /**
   * Looks around one keyword occurrence.
   *
   * @return the offset up to which the detector has looked: further occurrences of its keywords
   *     before that offset are not passed to it again
   */
  int scan(FileText text, int hitStart, int hitEnd, Findings out);
}
