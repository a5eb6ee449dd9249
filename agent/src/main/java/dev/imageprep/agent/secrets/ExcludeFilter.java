package dev.imageprep.agent.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exclusion patterns over image paths: {@code *} and {@code ?} stay within one component, {@code
 * **} crosses components ({@code /usr/share/doc/**} leaves out everything below that directory).
 */
final class ExcludeFilter {

  private final List<Pattern> patterns = new ArrayList<>();

  ExcludeFilter(List<String> globs) {
    for (String g : globs) {
      patterns.add(Pattern.compile(toRegex(g)));
    }
  }

  boolean excludes(String imagePath) {
    for (Pattern p : patterns) {
      if (p.matcher(imagePath).matches()) {
        return true;
      }
    }
    return false;
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        // "/**" at the end also matches the directory itself
        if (i + 2 == glob.length() && re.length() > 0 && re.charAt(re.length() - 1) == '/') {
          re.setLength(re.length() - 1);
          re.append("(?:/.*)?");
        } else {
          re.append(".*");
        }
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
