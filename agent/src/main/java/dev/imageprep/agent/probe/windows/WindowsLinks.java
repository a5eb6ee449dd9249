package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.LinkReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Windows links as paths inside the image: a symlink's or junction's target on the image's
 * own drive ({@code C:\ProgramData}) becomes {@code /ProgramData}, a relative target keeps its form
 * with {@code /} separators, and a target on another drive or volume is refused, so nothing resolves
 * outside the image. Junctions are read through {@link JunctionReader} (the JDK cannot read them).
 */
public final class WindowsLinks implements LinkReader {

  private static final Pattern DRIVE_ABSOLUTE = Pattern.compile("^([A-Za-z]):(?:\\\\(.*))?$", Pattern.DOTALL);

  private final char drive;
  private final JunctionReader junctions;

  /**
   * @param drive the letter of the drive the image root is on
   * @param junctions reads junction targets ({@link JunctionReader#jna()} on Windows)
   */
  public WindowsLinks(char drive, JunctionReader junctions) {
    this.drive = Character.toUpperCase(drive);
    this.junctions = junctions;
  }

  @Override
  public String read(Path host) throws IOException {
    String target;
    try {
      target = Files.readSymbolicLink(host).toString();
    } catch (NotLinkException e) {
      target = junctions.target(host);
    }
    return toImage(target, drive);
  }

  /** A Windows link target as an image path; refuses targets off the image's drive. */
  static String toImage(String target, char drive) throws IOException {
    String t = target;
    for (String prefix : new String[] {"\\??\\", "\\\\?\\"}) {
      if (t.startsWith(prefix)) {
        t = t.substring(prefix.length());
      }
    }
    if (t.toUpperCase(Locale.ROOT).startsWith("UNC\\") || t.startsWith("\\\\")
        || t.toUpperCase(Locale.ROOT).startsWith("VOLUME{")) {
      throw new IOException("the link leads to another volume or a network share (" + target + ")");
    }
    Matcher m = DRIVE_ABSOLUTE.matcher(t);
    if (m.matches()) {
      if (Character.toUpperCase(m.group(1).charAt(0)) != Character.toUpperCase(drive)) {
        throw new IOException("the link leads to another drive (" + target + "), outside the image");
      }
      return "/" + (m.group(2) == null ? "" : m.group(2).replace('\\', '/'));
    }
    if (t.matches("^[A-Za-z]:.*")) {
      throw new IOException("the link's target is relative to a drive's current directory (" + target + ")");
    }
    return t.replace('\\', '/'); // relative, or from the root of the image's drive (\Windows)
  }
}
