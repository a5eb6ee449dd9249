package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A Win32 call that failed, with its {@code GetLastError()} code, and what those codes mean for a
 * Java caller. Codes from "System Error Codes (0-499)" (Win32 docs).
 */
final class WinError extends Exception {

  private static final long serialVersionUID = 1L;

  static final int FILE_NOT_FOUND = 2;
  static final int PATH_NOT_FOUND = 3;
  static final int ACCESS_DENIED = 5;
  static final int INVALID_HANDLE = 6;
  static final int SHARING_VIOLATION = 32;
  static final int LOCK_VIOLATION = 33;
  static final int INVALID_NAME = 123;
  static final int DIR_NOT_EMPTY = 145;
  static final int MORE_DATA = 234;
  static final int NO_MORE_ITEMS = 259;
  static final int DIRECTORY = 267; // "The directory name is invalid": a file where a directory was named
  static final int NOT_A_REPARSE_POINT = 4390;

  private final int code;

  WinError(String call, int code) {
    super(call + " failed (error " + code + ")");
    this.code = code;
  }

  int code() {
    return code;
  }

  boolean isMissing() {
    return code == FILE_NOT_FOUND || code == PATH_NOT_FOUND;
  }

  /** The exception a Java caller expects for this code. */
  IOException toIOException(String file) {
    return switch (code) {
      case FILE_NOT_FOUND, PATH_NOT_FOUND -> new NoSuchFileException(file);
      case ACCESS_DENIED -> new AccessDeniedException(file);
      case DIR_NOT_EMPTY -> new DirectoryNotEmptyException(file);
      case DIRECTORY -> new NotDirectoryException(file);
      default -> new FileSystemException(file, null, getMessage());
    };
  }
}
