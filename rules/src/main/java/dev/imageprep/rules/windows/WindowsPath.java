package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.ImagePath;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Windows path on a drive ({@code C:\Users\Default}), split into its drive letter and the path on
 * that drive as an {@link ImagePath} ({@code /Users/Default}). The system drive is the volume the
 * image's files show, so a path on it is an image path.
 */
public record WindowsPath(char drive, ImagePath path) {

  private static final Pattern DRIVE_PATH = Pattern.compile("^(?:\\\\\\\\\\?\\\\|\\\\\\?\\?\\\\)?([A-Za-z]):(?:[\\\\/](.*))?$");
  private static final Pattern VARIABLE = Pattern.compile("%([A-Za-z0-9_()]+)%");

  public WindowsPath {
    drive = Character.toUpperCase(drive);
  }

  /**
   * Parses an absolute drive path; {@code \\?\} and {@code \??\} prefixes are accepted, both
   * separators too.
   *
   * @return the path, or empty for a relative path, a UNC share or a path with unexpanded variables
   */
  public static Optional<WindowsPath> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DRIVE_PATH.matcher(text.strip());
    if (!m.matches() || text.contains("%")) {
      return Optional.empty();
    }
    String rest = m.group(2) == null ? "" : m.group(2).replace('\\', '/');
    try {
      return Optional.of(new WindowsPath(m.group(1).charAt(0), ImagePath.of("/" + rest)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Expands the machine-wide variables Windows writes into the registry ({@code %SystemDrive%},
   * {@code %SystemRoot%}, {@code %ProgramFiles%}, ...) for an image whose system drive is given.
   * Other variables are left as written, so the result does not parse as a path.
   */
  public static String expand(String text, char systemDrive) {
    String sd = Character.toUpperCase(systemDrive) + ":";
    Map<String, String> vars = Map.of(
        "SYSTEMDRIVE", sd,
        "SYSTEMROOT", sd + "\\Windows",
        "WINDIR", sd + "\\Windows",
        "PROGRAMFILES", sd + "\\Program Files",
        "PROGRAMFILES(X86)", sd + "\\Program Files (x86)",
        "PROGRAMW6432", sd + "\\Program Files",
        "PROGRAMDATA", sd + "\\ProgramData",
        "ALLUSERSPROFILE", sd + "\\ProgramData",
        "COMMONPROGRAMFILES", sd + "\\Program Files\\Common Files",
        "PUBLIC", sd + "\\Users\\Public");
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1).toUpperCase(Locale.ROOT));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The path as Windows writes it: {@code C:\Users\Default}. */
  @Override
  public String toString() {
    return drive + ":" + (path.isRoot() ? "\\" : path.toString().replace('/', '\\'));
  }
}
