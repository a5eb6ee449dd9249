package dev.imageprep.agent.sudo;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A private copy of an image's sudoers files for this machine's {@code visudo -c -f}. visudo follows
 * {@code @include} and {@code @includedir} to absolute paths of the machine it runs on, so checking
 * the image's {@code /etc/sudoers} in place would read this machine's {@code /etc/sudoers.d}. The copy
 * resolves every include inside the image root, as the image's own sudo would, and points each
 * directive at the copied file or directory; line numbers stay as they are, and visudo's messages are
 * translated back to image paths.
 *
 * <p>Anything the copy cannot reproduce faithfully (a {@code %h} host name in a path, an include it
 * cannot place, files too many or too large, an include directory visudo would ignore because this
 * process is not root) is a {@link Refused}: the caller then changes nothing.
 */
final class SudoersMirror implements Closeable {

  /** sudo's own limit on nested includes (MAX_SUDOERS_DEPTH). */
  static final int MAX_DEPTH = 128;
  static final long MAX_FILE_BYTES = 1 << 20;
  static final long MAX_TOTAL_BYTES = 8 << 20;

  /** The image's sudoers cannot be copied faithfully; nothing should be judged on the copy. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final RootedFiles image;
  private final Path dir;
  private final Map<ImagePath, Path> files = new HashMap<>();
  private final Map<ImagePath, Path> dirs = new HashMap<>();
  private final Map<String, String> imageNames = new LinkedHashMap<>();
  private int counter;
  private long bytes;
  private Path entry;

  private SudoersMirror(RootedFiles image, Path dir) {
    this.image = image;
    this.dir = dir;
  }

  /**
   * Copies {@code start} and everything it includes into a new private directory under {@code scratch}.
   *
   * @throws Refused when the copy would not be what the image's sudo reads
   * @throws IOException when the copy cannot be written
   */
  static SudoersMirror of(RootedFiles image, ImagePath start, Path scratch) throws Refused, IOException {
    Path dir = Files.createTempDirectory(scratch, "imageprep-sudoers-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    SudoersMirror mirror = new SudoersMirror(image, dir);
    try {
      mirror.entry = mirror.file(start, 0);
      return mirror;
    } catch (Refused | IOException | RuntimeException e) {
      mirror.close();
      throw e;
    }
  }

  /** The copy of the start file, for {@code visudo -c -f}. */
  Path entry() {
    return entry;
  }

  /** visudo's output with the copies' paths replaced by the image paths they stand for. */
  String inImagePaths(String text) {
    String out = text;
    List<Map.Entry<String, String>> byLength = imageNames.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList();
    for (Map.Entry<String, String> e : byLength) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out.replace(dir.toString(), "(copy)");
  }

  /** Copies one file as sudo names it; the same file included twice (or in a loop) is copied once. */
  private Path file(ImagePath named, int depth) throws Refused, IOException {
    Path known = files.get(named);
    if (known != null) {
      return known;
    }
    Path copy = dir.resolve("f" + ++counter);
    files.put(named, copy);
    imageNames.put(copy.toString(), named.toString());
    copyFile(named, copy, depth);
    return copy;
  }

  /** Writes the image file {@code named} to {@code copy}, its includes pointed at their copies. */
  private void copyFile(ImagePath named, Path copy, int depth) throws Refused, IOException {
    if (depth > MAX_DEPTH) {
      throw new Refused(named + ": more than " + MAX_DEPTH + " levels of includes");
    }
    Optional<byte[]> content = read(named);
    if (content.isEmpty()) {
      return; // visudo then reports the file missing, under its image name
    }
    String text = new String(content.get(), StandardCharsets.ISO_8859_1); // bytes kept one to one
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Optional<IncludeLine> include = IncludeLine.parse(lines[i]);
      if (include.isEmpty()) {
        if (IncludeLine.mentionsInclude(lines[i])) {
          throw new Refused(named + ":" + (i + 1) + ": an include directive imageprep cannot read the way sudo does");
        }
        continue;
      }
      IncludeLine inc = include.get();
      if (inc.namesTheHost()) {
        throw new Refused(named + ":" + (i + 1) + ": the include path uses %h, the host name, which a mounted"
            + " image does not have");
      }
      ImagePath target = inc.path().startsWith("/") ? ImagePath.of(inc.path())
          : ImagePath.of(named.parent() + (named.parent().isRoot() ? "" : "/") + inc.path());
      Path copied = inc.directory() ? directory(target, depth + 1) : file(target, depth + 1);
      lines[i] = inc.pointingTo(copied.toString());
    }
    Files.write(copy, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
  }

  /**
   * Copies an include directory: the regular files sudo would read (names without a '.' and not
   * ending in '~'), under their own names. A directory sudo ignores (missing, not owned by root,
   * writable by others) is left out of the copy, so visudo ignores it too.
   */
  private Path directory(ImagePath named, int depth) throws Refused, IOException {
    Path known = dirs.get(named);
    if (known != null) {
      return known;
    }
    Path copy = dir.resolve("d" + ++counter);
    dirs.put(named, copy);
    imageNames.put(copy.toString(), named.toString());
    Fact<ImagePath> real = image.resolve(named);
    if (!real.isKnown()) {
      throw new Refused(named + ": " + real.reason());
    }
    Path host = image.hostPath(real.value());
    if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS) || !securedAsSudoWants(host)) {
      return copy;
    }
    Files.createDirectory(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    if (!securedAsSudoWants(copy)) {
      throw new Refused(named + ": visudo ignores include directories not owned by root, so only root can check"
          + " the whole configuration");
    }
    Fact<List<FileInfo>> entries = image.list(real.value());
    if (!entries.isKnown()) {
      throw new Refused(named + ": " + entries.reason());
    }
    for (FileInfo e : entries.value()) {
      String name = e.path().fileName();
      if (name.contains(".") || name.endsWith("~")) {
        continue;
      }
      Fact<Optional<FileInfo>> target = image.stat(image.resolve(named.child(name)).orElse(named.child(name)));
      if (target.isKnown() && target.value().isPresent() && target.value().get().isRegular()) {
        copyFile(named.child(name), copy.resolve(name), depth);
      }
    }
    return copy;
  }

  /** sudo's sudo_secure_dir: owned by root, not writable by others, by its group only if that is root's. */
  private static boolean securedAsSudoWants(Path dir) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(dir, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return false;
    }
    int mode = ((Number) a.get("mode")).intValue();
    boolean groupOk = (mode & 0020) == 0 || ((Number) a.get("gid")).intValue() == 0;
    return ((Number) a.get("uid")).intValue() == 0 && (mode & 0002) == 0 && groupOk;
  }

  /** The file's bytes, read inside the image root; empty when there is no regular file to read. */
  private Optional<byte[]> read(ImagePath named) throws Refused, IOException {
    Fact<ImagePath> real = image.resolve(named);
    if (!real.isKnown()) {
      throw new Refused(named + ": " + real.reason());
    }
    Fact<Optional<FileInfo>> info = image.stat(real.value());
    if (!info.isKnown()) {
      throw new Refused(named + ": " + info.reason());
    }
    if (info.value().isEmpty() || !info.value().get().isRegular()) {
      return Optional.empty();
    }
    if (info.value().get().size() > MAX_FILE_BYTES || bytes + info.value().get().size() > MAX_TOTAL_BYTES) {
      throw new Refused(named + ": larger than imageprep copies to check (" + MAX_FILE_BYTES + " bytes a file, "
          + MAX_TOTAL_BYTES + " in all)");
    }
    try (InputStream in = Files.newInputStream(image.hostPath(real.value()), LinkOption.NOFOLLOW_LINKS)) {
      byte[] data = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (data.length > MAX_FILE_BYTES) {
        throw new Refused(named + ": grew past " + MAX_FILE_BYTES + " bytes while it was read");
      }
      bytes += data.length;
      return Optional.of(data);
    }
  }

  @Override
  public void close() throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
