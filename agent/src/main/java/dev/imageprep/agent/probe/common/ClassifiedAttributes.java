package dev.imageprep.agent.probe.common;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Attributes a platform reader has classified itself rather than leaving it to the JDK, with what
 * {@link BasicFileAttributes} cannot say. The Windows reader returns these: the JDK's answers for
 * reparse points changed between releases, and {@code fileKey()} is null there.
 */
public interface ClassifiedAttributes extends BasicFileAttributes {

  EntryKind kind();

  /** Hard links to the file (names in any directory), 1 when the platform does not say. */
  int links();

  /**
   * True for a link the operating system made and relies on, which no cleanup may remove (Windows'
   * compatibility junctions such as {@code C:\Users\Default User}: SYSTEM and HIDDEN).
   */
  boolean systemLink();

  /** True for a link that mounts another volume: removing it is acting on another filesystem. */
  boolean mountsVolume();
}
