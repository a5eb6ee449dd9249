package dev.imageprep.agent.cleanup;

import java.io.IOException;

/** A directory on the way to a planned path is no longer what the plan saw (now a symlink, gone). */
public final class ChangedException extends IOException {

  private static final long serialVersionUID = 1L;

  public ChangedException(String message) {
    super(message);
  }
}
