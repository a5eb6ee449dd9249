package dev.imageprep.agent.cleanup;

import java.io.IOException;

/** Removing a tree would have descended into another filesystem; it stops there, like rm --one-file-system. */
public final class MountPointException extends IOException {

  private static final long serialVersionUID = 1L;

  public MountPointException(String message) {
    super(message);
  }
}
