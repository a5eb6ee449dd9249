package dev.imageprep.agent.cleanup;

import java.io.IOException;

/**
 * A step that is skipped rather than failed: the entry is one the platform keeps for good reason (a
 * file a running program holds, a link Windows itself relies on), and the message says which.
 */
public class SkipException extends IOException {

  private static final long serialVersionUID = 1L;

  public SkipException(String message) {
    super(message);
  }
}
