package dev.imageprep.rules.cleanup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An absolute path pattern inside the image, matched one component at a time as a shell does:
 * {@code *}, {@code ?}, {@code [abc]}, {@code [!abc]} and {@code {a,b}}, none of which crosses a
 * {@code /}. As in a shell, a wildcard does not match a leading dot unless the pattern's component
 * starts with one. There is no {@code **}: a directory is removed or emptied as a whole instead.
 */
public final class Glob {

  private final String text;
  private final List<Component> components;

  private Glob(String text, List<Component> components) {
    this.text = text;
    this.components = components;
  }

  /** One path component: a literal name, or a compiled pattern. */
  public record Component(String text, Pattern pattern) {
    public boolean isLiteral() {
      return pattern == null;
    }

    public boolean matches(String name) {
      if (pattern == null) {
        return text.equals(name);
      }
      if (name.startsWith(".") && !text.startsWith(".")) {
        return false;
      }
      return pattern.matcher(name).matches();
    }
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the problem, for a relative pattern, a {@code .} or
   *     {@code ..} component, {@code **}, or an unbalanced bracket or brace
   */
  public static Glob parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw new IllegalArgumentException("path pattern must be absolute (start with /): " + text);
    }
    List<Component> out = new ArrayList<>();
    for (String part : text.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        if (out.isEmpty() && text.equals("/")) {
          break;
        }
        throw new IllegalArgumentException("empty path component in pattern: " + text);
      }
      if (part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("'" + part + "' is not allowed in a path pattern: " + text);
      }
      if (part.contains("**")) {
        throw new IllegalArgumentException("'**' is not supported (name the directory instead): " + text);
      }
      out.add(component(part, text));
    }
    return new Glob(text, List.copyOf(out));
  }

  private static Component component(String part, String whole) {
    if (!hasWildcard(part)) {
      return new Component(part, null);
    }
    StringBuilder re = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = part.indexOf(']', i + 2);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed '[' in path pattern: " + whole);
          }
          String set = part.substring(i + 1, end);
          boolean negate = set.startsWith("!") || set.startsWith("^");
          if (negate) {
            set = set.substring(1);
          }
          if (set.isEmpty()) {
            throw new IllegalArgumentException("empty '[]' in path pattern: " + whole);
          }
          re.append('[').append(negate ? "^" : "");
          for (char s : set.toCharArray()) {
            re.append(s == '-' ? "-" : (Character.isLetterOrDigit(s) ? String.valueOf(s) : "\\" + s));
          }
          re.append(']');
          i = end;
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw new IllegalArgumentException("unmatched '}' in path pattern: " + whole);
          }
          braces--;
          re.append(')');
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unclosed '{' in path pattern: " + whole);
    }
    return new Component(part, Pattern.compile(re.toString()));
  }

  private static boolean hasWildcard(String part) {
    for (char c : part.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  public List<Component> components() {
    return components;
  }

  public boolean isLiteral() {
    return components.stream().allMatch(Component::isLiteral);
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
