package dev.imageprep.agent.sudo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Replaces files the way shadow-utils and visudo do: the new content goes to a sibling file with the
 * original's owner, group and mode, is flushed to disk, and is renamed over the original, so a reader
 * sees either the old file or the new one, never half of either.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /** A regular file, not a symlink: what this class agrees to replace. */
  static PosixFileAttributes regular(Path file) throws IOException {
    PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      throw new IOException(file + " is not a regular file (" + (a.isSymbolicLink() ? "a symlink" : "special")
          + "); left unchanged");
    }
    return a;
  }

  /**
   * Writes {@code text} to {@code temp} with the attributes of {@code like}; the caller renames it.
   * {@code temp} must not exist.
   */
  static void writeLike(Path temp, String text, PosixFileAttributes like) throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      view.setOwner(like.owner());
      view.setGroup(like.group());
      view.setPermissions(like.permissions());
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Replaces {@code file} with {@code text}, keeping its attributes; {@code file + "+"} is the staging name. */
  static void replace(Path file, String text) throws IOException {
    PosixFileAttributes like = regular(file);
    Path temp = file.resolveSibling(file.getFileName() + "+");
    Files.deleteIfExists(temp);
    writeLike(temp, text, like);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Copies {@code file} to {@code file + "-"}, the backup shadow-utils keeps, then replaces it. */
  static void replaceWithBackup(Path file, String oldText, String text) throws IOException {
    PosixFileAttributes like = regular(file);
    Path backup = file.resolveSibling(file.getFileName() + "-");
    Path temp = file.resolveSibling(file.getFileName() + "+");
    Files.deleteIfExists(temp);
    writeLike(temp, oldText, like);
    Files.move(temp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    replace(file, text);
  }
}
