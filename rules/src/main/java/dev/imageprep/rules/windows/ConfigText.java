package dev.imageprep.rules.windows;

/**
 * Text of a Windows configuration file as {@link dev.imageprep.rules.host.ImageFiles#readText}
 * returns it (UTF-8 decoded), made readable when the file is really UTF-16: Windows tools write
 * UTF-16LE with a byte-order mark, which decodes as two replacement characters followed by
 * characters interleaved with NULs. ASCII content survives this repair; other characters may not,
 * which is enough to find settings and passwords' positions but not to print them (never done).
 */
public final class ConfigText {

  private ConfigText() {}

  public static String normalize(String text) {
    String t = text;
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    if (t.startsWith("\uFFFD\uFFFD") && t.indexOf('\0') >= 0) {
      t = t.substring(2).replace("\0", "");
    } else if (t.length() > 1 && t.charAt(1) == '\0' && t.indexOf('\0') >= 0) {
      t = t.replace("\0", "");
    }
    return t;
  }
}
