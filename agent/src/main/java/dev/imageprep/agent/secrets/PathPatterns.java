package dev.imageprep.agent.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Glob patterns over image paths: {@code *} and {@code ?} stay within one component, {@code **}
 * crosses components ({@code /usr/share/doc/**} is everything below that directory, {@code
 * **}{@code /.netrc} a {@code .netrc} anywhere). A pattern without {@code /} matches the file name.
 */
final class PathPatterns {

  static final PathPatterns ANY = new PathPatterns(List.of());

  private final List<Pattern> full = new ArrayList<>();
  private final List<Pattern> names = new ArrayList<>();

  PathPatterns(List<String> globs) {
    for (String g : globs) {
      (g.contains("/") ? full : names).add(Pattern.compile(toRegex(g)));
    }
  }

  /** Paths a regular expression finds a match in (gitleaks' path and allowlist paths). */
  static PathPatterns regex(Pattern regex) {
    PathPatterns p = new PathPatterns(List.of());
    p.full.add(Pattern.compile("(?s).*(?:" + regex.pattern() + ").*", regex.flags()));
    return p;
  }

  static PathPatterns of(String... globs) {
    return new PathPatterns(List.of(globs));
  }

  boolean isEmpty() {
    return full.isEmpty() && names.isEmpty();
  }

  /** True when a pattern matches the path; the empty set matches nothing. */
  boolean matches(String imagePath) {
    for (Pattern p : full) {
      if (p.matcher(imagePath).matches()) {
        return true;
      }
    }
    if (!names.isEmpty()) {
      String name = imagePath.substring(imagePath.lastIndexOf('/') + 1);
      for (Pattern p : names) {
        if (p.matcher(name).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** For a detector's limits: the empty set allows every file. */
  boolean allows(String imagePath) {
    return isEmpty() || matches(imagePath);
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        if (i + 2 == glob.length() && re.length() > 0 && re.charAt(re.length() - 1) == '/') {
          // "/**" at the end also matches the directory itself
          re.setLength(re.length() - 1);
          re.append("(?:/.*)?");
        } else if (slashAfter && i == 0) {
          // "**/" at the start: any directory, the root included
          re.append("(?:.*/)?");
          i++;
        } else {
          re.append(".*");
        }
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == ' ') {
        re.append(c);
      } else {
        re.append('\\').append(c);
      }
    }
    return re.toString();
  }
}
