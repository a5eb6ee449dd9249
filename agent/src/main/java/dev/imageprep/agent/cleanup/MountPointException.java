package dev.imageprep.agent.cleanup;

import java.io.IOException;

/**
 * The step would act on or below a mount point (another filesystem, or a bind mount of the same one):
 * it stops there, is not descended, and is reported as skipped (another filesystem).
 */
public final class MountPointException extends IOException {

  private static final long serialVersionUID = 1L;

  public MountPointException(String message) {
    super(message);
  }
}
