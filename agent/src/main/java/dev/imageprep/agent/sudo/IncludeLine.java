package dev.imageprep.agent.sudo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sudoers include directive, as sudo's lexer recognises it: {@code @include} or {@code
 * @includedir} at the start of a line after blanks, {@code #include} or {@code #includedir} in the
 * first column followed by a blank; the path bare (a blank escaped with a backslash) or in double
 * quotes. sudo follows nothing else to another file.
 *
 * @param directory true for {@code includedir}
 * @param head the line up to the path, kept as written
 * @param path the path as sudo reads it (quotes and escapes removed)
 * @param tail the rest of the line after the path, kept as written
 */
record IncludeLine(boolean directory, String head, String path, String tail) {

  private static final Pattern DIRECTIVE = Pattern.compile("^(?:#include(dir)?|[ \\t]*@include(dir)?)[ \\t]+");

  /* Samples:
   *   @includedir /etc/sudoers.d
   *   #include "/etc/sudoers.local"
   *   @include sudoers.d/with\ blank
   */
  static Optional<IncludeLine> parse(String line) {
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    boolean dir = m.group(1) != null || m.group(2) != null;
    int at = m.end();
    StringBuilder path = new StringBuilder();
    int end;
    if (at < line.length() && line.charAt(at) == '"') {
      end = at + 1;
      while (end < line.length() && line.charAt(end) != '"') {
        if (line.charAt(end) == '\\' && end + 1 < line.length()) {
          end++;
        }
        path.append(line.charAt(end++));
      }
      if (end >= line.length()) {
        return Optional.empty(); // unterminated: visudo rejects the line and opens nothing
      }
      end++;
    } else {
      end = at;
      while (end < line.length() && !isSpace(line.charAt(end))) {
        if (line.charAt(end) == '\\' && end + 1 < line.length() && isBlank(line.charAt(end + 1))) {
          end++;
        }
        path.append(line.charAt(end++));
      }
    }
    if (path.length() == 0) {
      return Optional.empty();
    }
    return Optional.of(new IncludeLine(dir, line.substring(0, at), path.toString(), line.substring(end)));
  }

  /** The same directive naming another path (quoted when it has blanks, quotes or backslashes). */
  String pointingTo(String otherPath) {
    boolean plain = otherPath.chars().noneMatch(c -> isSpace((char) c) || c == '"' || c == '\\');
    return head + (plain ? otherPath : '"' + otherPath.replace("\\", "\\\\").replace("\"", "\\\"") + '"') + tail;
  }

  /** sudo replaces {@code %h} with this machine's short host name, which a mounted image does not have. */
  boolean namesTheHost() {
    return path.contains("%h");
  }

  /**
   * Whether a line that is no directive still mentions one: imageprep then cannot be sure what
   * visudo would open, and gives up instead of guessing. Comments may say anything.
   */
  static boolean mentionsInclude(String line) {
    String s = line.stripLeading();
    boolean uid = s.length() > 1 && (Character.isDigit(s.charAt(1)) || s.charAt(1) == '-');
    boolean comment = s.startsWith("#") && !DIRECTIVE.matcher(line).lookingAt() && !uid;
    return !comment && (line.contains("@include") || line.contains("#include"));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
