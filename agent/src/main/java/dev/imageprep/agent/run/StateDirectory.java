package dev.imageprep.agent.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Says why the state directory (lock and journals) cannot be written, in terms of that directory:
 * "run as root" only helps someone who is not root.
 */
final class StateDirectory {

  private StateDirectory() {}

  /**
   * @param dir the state directory
   * @param e what creating or writing in it threw
   * @param uid this process's effective uid, when known
   */
  static String problem(Path dir, IOException e, OptionalInt uid) {
    String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : String.valueOf(e.getMessage());
    String where;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      where = dir + " is not a directory";
    } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
      where = "a part of " + dir + " is not a directory";
    } else if (reason.contains("Read-only file system")) {
      where = dir + " is on a read-only filesystem";
    } else if (e instanceof AccessDeniedException && uid.isPresent() && uid.getAsInt() != 0) {
      where = "uid " + uid.getAsInt() + " may not write in " + dir + ": run as root";
    } else if (e instanceof AccessDeniedException || reason.contains("Operation not permitted")) {
      where = "even root may not write in " + dir + " (" + reason + ": an immutable attribute, a read-only"
          + " mount or a security policy)";
    } else {
      where = dir + ": " + reason;
    }
    return where + "; pass --state-dir DIR to keep the lock and journals elsewhere";
  }
}
