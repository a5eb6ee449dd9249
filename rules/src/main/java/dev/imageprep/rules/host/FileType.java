package dev.imageprep.rules.host;

import java.util.Locale;

/** The type of a directory entry as {@code lstat} reports it: a symlink is never followed. */
public enum FileType {
  REGULAR,
  DIRECTORY,
  SYMLINK,
  FIFO,
  SOCKET,
  BLOCK_DEVICE,
  CHAR_DEVICE,
  OTHER;
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
