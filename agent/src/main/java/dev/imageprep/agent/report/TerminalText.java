package dev.imageprep.agent.report;

import dev.imageprep.agent.json.JsonEscapes;
import dev.imageprep.rules.host.FileNames;
import java.util.Locale;

/**
 * The one escaping function for text a person reads: every value that reaches the text report, the
 * plan, the progress bar, a message on stderr, the HTML page or the JUnit file goes through {@link
 * #escape}. File names are chosen by whoever wrote into {@code /tmp}: a newline in one could print a
 * fake {@code READY} line, an ANSI sequence could clear the screen or retitle the window, a
 * bidirectional override could reverse what follows. So C0 controls, DEL and C1 controls are shown
 * as {@code \n}, {@code \t}, {@code \r} or {@code \xHH} / {@code \u009b}; bytes of a name that are
 * not UTF-8 as {@code \xHH} (see {@link FileNames}); Unicode format controls that reorder or hide
 * text as {@code \u202e}. Everything else, backslashes included (Windows paths), is left as it is.
 */
public final class TerminalText {

  private TerminalText() {}

  /** The text with every control character escaped; the same string if there is none. */
  public static String escape(CharSequence text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String esc = escapeOf(text, i, c);
      if (esc == null) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      sb.append(esc);
    }
    return sb == null ? text.toString() : sb.toString();
  }

  private static String escapeOf(CharSequence text, int i, char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
      return String.format(Locale.ROOT, "\\x%02x", (int) c);
    }
    if (c >= 0x80 && c <= 0x9f) {
      return String.format(Locale.ROOT, "\\u%04x", (int) c);
    }
    if (FileNames.isEscapedByte(text, i)) {
      return String.format(Locale.ROOT, "\\x%02x", FileNames.escapedByte(c));
    }
    if (Character.isSurrogate(c)) {
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)) : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      return paired ? null : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }
    return JsonEscapes.isFormatControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
  }
}
