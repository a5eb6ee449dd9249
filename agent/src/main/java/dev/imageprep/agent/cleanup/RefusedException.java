package dev.imageprep.agent.cleanup;

import java.io.IOException;

/**
 * A step that would be unsafe as things are now (the file gained another hard link, is no longer a
 * regular file): nothing was done, and the step is reported as skipped with this sentence.
 */
public final class RefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }
}
