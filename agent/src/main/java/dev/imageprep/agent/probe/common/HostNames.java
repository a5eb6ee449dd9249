package dev.imageprep.agent.probe.common;

import dev.imageprep.rules.host.FileNames;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * File names between the disk and imageprep, byte for byte, whatever the locale. The JVM turns names
 * into Strings with {@code sun.jnu.encoding}, which follows {@code LANG} and cannot be set on the
 * command line: under {@code LANG=C} it is ASCII, so {@code café} reads as {@code caf??} and cannot
 * be made into a Path from a String at all; under {@code C.UTF-8}, {@code bad\377\376} reads as
 * {@code bad\uFFFD\uFFFD} and leads to another file. A {@code file:} URI carries the exact bytes both
 * ways ({@code Path.toUri()} and {@code Path.of(URI)}), so names that a String cannot carry go that way;
 * the others take the direct route. Inside imageprep a name is {@link FileNames}' form of its bytes.
 */
public final class HostNames {

  private static final Charset JNU = jnuCharset();

  private HostNames() {}

  private static Charset jnuCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The name of a path's last component (or of a one-component path), exactly as on disk. */
  public static String nameOf(Path name) {
    if (!isDefault(name.getFileSystem())) {
      return name.toString();
    }
    String s = name.toString();
    if (s.indexOf('\uFFFD') < 0 && (JNU.equals(StandardCharsets.UTF_8) || FileNames.isAscii(s))) {
      return s;
    }
    byte[] all = bytes(name);
    int slash = all.length - 1;
    while (slash >= 0 && all[slash] != '/') {
      slash--;
    }
    return FileNames.decode(all, slash + 1, all.length - slash - 1);
  }

  /** The raw bytes of a path on this machine's filesystem. */
  public static byte[] bytes(Path path) {
    String s = path.toString();
    if (s.indexOf('\uFFFD') < 0) {
      return s.getBytes(JNU);
    }
    Path abs = path.isAbsolute() ? path : path.getFileSystem().getPath("/").resolve(path);
    String raw = abs.toUri().getRawPath(); // percent-encoded bytes; an existing directory gets a '/'
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    byte[] b = out.toByteArray();
    int from = path.isAbsolute() ? 0 : 1;
    int to = b.length > 1 && b[b.length - 1] == '/' ? b.length - 1 : b.length;
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  /** A name of this machine's filesystem, exactly as on disk. */
  public static String name(byte[] raw) {
    return FileNames.decode(raw);
  }

  /** The child {@code name} (imageprep's form) of a directory, exact whatever the locale. */
  public static Path child(Path dir, String name) {
    if (!isDefault(dir.getFileSystem()) || fitsString(name)) {
      return dir.resolve(name);
    }
    byte[] parent = bytes(dir.toAbsolutePath());
    StringBuilder uri = new StringBuilder("file://");
    percent(uri, parent);
    if (parent.length == 0 || parent[parent.length - 1] != '/') {
      uri.append('/');
    }
    percent(uri, FileNames.encode(name));
    return Path.of(URI.create(uri.toString()));
  }

  /** True when the JVM turns this name into exactly its bytes (UTF-8 and no raw bytes, or ASCII). */
  private static boolean fitsString(String name) {
    return FileNames.isAscii(name) || (JNU.equals(StandardCharsets.UTF_8) && !FileNames.hasEscapedBytes(name));
  }

  private static void percent(StringBuilder uri, byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-'
          || c == '_' || c == '.') {
        uri.append((char) c);
      } else {
        uri.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      }
    }
  }

  private static boolean isDefault(FileSystem fs) {
    return fs == FileSystems.getDefault();
  }
}
