package dev.imageprep.agent.probe.common;

import java.nio.file.FileSystemException;

/** An entry the platform would not let go of, or that is not the entry the caller meant. */
public final class EntryRefusedException extends FileSystemException {

  private static final long serialVersionUID = 1L;

  /** Why the entry stays. */
  public enum Why {
    /** A running program holds it open, or has it mapped as a program or library. */
    IN_USE,
    /** Another file took its name since the caller looked. */
    REPLACED,
    /** The operating system made it and relies on it (a Windows compatibility junction). */
    PROTECTED,
    /** It mounts another volume. */
    OTHER_VOLUME
  }

  private final Why why;

  public EntryRefusedException(String file, Why why, String reason) {
    super(file, null, reason);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
