package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * A file that {@code -o} names, written as root on machines whose other users may have planted a
 * link there: a symlink at the path is refused, never followed; a regular file is written whole into
 * a new file beside it (created exclusively, so no link can take its place) and renamed over the
 * path, so a reader never sees half a report; a device or pipe ({@code /dev/null}, {@code /dev/full})
 * is written in place. Every write error surfaces, so a full disk is exit 3, not an empty report.
 */
final class OutputFile {

  /** What goes into the file. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private final Path path;
  private final String given;

  private OutputFile(Path path, String given) {
    this.path = path;
    this.given = given;
  }

  /** Checks the path before the run, so that a refused -o costs nothing: exit 2 for a link or a directory. */
  static OutputFile at(FileSystem fs, String given) {
    Path p;
    try {
      p = fs.getPath(given).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw AgentException.usage("-o " + given + ": not a valid path");
    }
    OutputFile file = new OutputFile(p, given);
    file.refusal().ifPresent(why -> {
      throw AgentException.usage("-o " + given + ": " + why);
    });
    return file;
  }

  String given() {
    return given;
  }

  Path path() {
    return path;
  }

  /** Writes the file; exit 3 when it cannot be written whole. */
  void write(Body body) {
    try {
      Optional<String> refused = refusal();
      if (refused.isPresent()) {
        throw new IOException(refused.get());
      }
      Optional<BasicFileAttributes> existing = lstat();
      if (existing.isPresent() && existing.get().isOther()) {
        try (Writer out = Channels.newWriter(FileChannel.open(path, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8)) {
          body.writeTo(out);
        }
        return;
      }
      replace(body);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new AgentException(ExitCode.INCOMPLETE, "could not write the report " + given + ": "
          + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private void replace(Body body) throws IOException {
    Path dir = path.getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Optional<String> refusal() {
    Optional<BasicFileAttributes> a = lstat();
    if (a.isPresent() && a.get().isSymbolicLink()) {
      return Optional.of("is a symbolic link; imageprep never writes through one (remove it or name another file)");
    }
    if (a.isPresent() && a.get().isDirectory()) {
      return Optional.of("is a directory");
    }
    return Optional.empty();
  }

  private Optional<BasicFileAttributes> lstat() {
    try {
      return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the write itself reports what is wrong with the path
    }
  }
}
