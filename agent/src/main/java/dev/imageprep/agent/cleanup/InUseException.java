package dev.imageprep.agent.cleanup;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file that a running program holds open, which Windows refuses to delete (sharing violation,
 * {@code ERROR_SHARING_VIOLATION} or {@code ERROR_LOCK_VIOLATION}). Temporary folders on a live
 * system always hold some; the step is reported as skipped, not failed, as Disk Cleanup does.
 */
public final class InUseException extends IOException {

  private static final long serialVersionUID = 1L;

  public InUseException(String message) {
    super(message);
  }

  /** An operation on a path that may fail with an I/O error. */
  @FunctionalInterface
  interface Operation {
    void run() throws IOException;
  }

  /** Runs an operation, turning Windows' "in use" failures into {@link InUseException}. */
  static void rethrow(Path path, Operation operation) throws IOException {
    try {
      operation.run();
    } catch (FileSystemException e) {
      if (isInUse(e)) {
        throw new InUseException("in use by a running program, not removed: " + path.getFileName());
      }
      throw e;
    }
  }

  /** The JDK reports these Windows errors only by their message text. */
  static boolean isInUse(FileSystemException e) {
    String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
    return reason.contains("being used by another process")
        || reason.contains("another process has locked a portion of the file");
  }
}
