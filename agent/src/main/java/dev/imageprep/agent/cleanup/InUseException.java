package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.EntryRefusedException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that a running program holds open or has loaded, which Windows refuses to delete.
 * Temporary folders on a live system always hold some; the step is reported as skipped, not failed,
 * as Disk Cleanup does. The Windows remover tells this from other failures by error code ({@code
 * ERROR_SHARING_VIOLATION}, {@code ERROR_LOCK_VIOLATION}, {@code ERROR_ACCESS_DENIED} on a mapped
 * image), never by message text, which is localized.
 */
public final class InUseException extends SkipException {

  private static final long serialVersionUID = 1L;

  public InUseException(String message) {
    super(message);
  }

  /** An operation on a path that may fail with an I/O error. */
  @FunctionalInterface
  interface Operation {
    void run() throws IOException;
  }

  /**
   * Runs an operation, turning the platform's refusals into skips: in use, a link Windows relies on.
   * An entry replaced since it was looked at is a {@link ChangedException}.
   */
  static void rethrow(Path path, Operation operation) throws IOException {
    try {
      operation.run();
    } catch (EntryRefusedException e) {
      String name = String.valueOf(path.getFileName());
      throw switch (e.why()) {
        case IN_USE -> new InUseException("in use (" + e.getReason() + "), not removed: " + name);
        case REPLACED -> new ChangedException(name + " was replaced by another file");
        case PROTECTED -> new SkipException("kept: " + name + " is a link Windows made and relies on");
        case OTHER_VOLUME -> new MountPointException(name + " mounts another volume; not removed");
      };
    }
  }
}
