package dev.imageprep.rules.host;

/**
 * What a no-follow {@code lstat} says about one path inside the image.
 *
 * @param path the path inside the image, with every directory on the way resolved inside the root
 * @param type the entry's own type; a symlink is reported as {@link FileType#SYMLINK}
 * @param size bytes of a regular file (0 for others)
 * @param links hard link count, or 1 when the filesystem does not say
 * @param identity a stable identity (device and inode where available) to notice replacement
 * @param linkTarget the target text of a symlink, else null
 */
public record FileInfo(ImagePath path, FileType type, long size, int links, String identity, String linkTarget) {

  public boolean isRegular() {
    return type == FileType.REGULAR;
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public boolean isSymlink() {
    return type == FileType.SYMLINK;
  }
}
