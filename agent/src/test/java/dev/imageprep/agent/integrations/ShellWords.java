package dev.imageprep.agent.integrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the imageprep command lines in a script (sh or PowerShell) after template variables are
 * filled in, and splits them into words the way the shell would: quotes group, single quotes keep
 * everything, a backslash in double quotes escapes only {@code $ ` " \}. A command starts at the
 * beginning of a line or after an operator, {@code sudo}, {@code exec} or PowerShell's {@code &};
 * it ends at an operator, a redirection or a comment.
 */
final class ShellWords {

  private static final Set<String> OPERATORS = Set.of(";", "|", "||", "&&", ">", ">>", "2>", "2>&1", "<", "#",
      "{", "}", "(", ")", "then", "do", "else");
  private static final Set<String> PREFIXES = Set.of("sudo", "exec", "&", "time", "nohup");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}"
      + "|\\$\\{var\\.([A-Za-z0-9_]+)}|\\$env:([A-Za-z0-9_]+)");

  private ShellWords() {}

  /** Marks a template variable the documents give no value for; a command must not contain it. */
  static final String UNSET = "UNSET:";

  /**
   * Replaces {@code {{ Name }}}, {@code ${var.name}} and {@code $env:Name} with the values given, and
   * an unknown one with {@link #UNSET} and its name.
   */
  static String fill(String text, Map<String, String> values) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = values.getOrDefault(name, UNSET + name);
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    return m.appendTail(sb).toString();
  }

  /** The words of every imageprep command in a script: the launcher as written, then its arguments. */
  static List<List<String>> imageprepCommands(String script) {
    List<List<String>> found = new ArrayList<>();
    for (String line : script.replaceAll("\\\\\\n", " ").replaceAll("`\\n", " ").split("\n")) {
      List<String> words = words(line);
      boolean commandStart = true;
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (commandStart && isImageprep(w)) {
          List<String> args = new ArrayList<>(List.of(w));
          int j = i + 1;
          while (j < words.size() && !OPERATORS.contains(words.get(j))) {
            args.add(words.get(j++));
          }
          found.add(args);
          i = j - 1;
          commandStart = false;
          continue;
        }
        commandStart = OPERATORS.contains(w) || (commandStart && PREFIXES.contains(w)) || w.equals("if");
      }
    }
    return found;
  }

  /** A launcher's name: Linux's, the Windows zip's {@code .cmd}, or an {@code .exe} (which no package installs). */
  static boolean isImageprep(String word) {
    String base = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
    return base.equals("imageprep") || base.equals("imageprep.cmd") || base.equals("imageprep.exe");
  }

  /** Splits one line into words; an operator glued to a word ({@code fi;}) is split off. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < line.length() && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
          cur.append(line.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        cur = cur == null ? new StringBuilder() : cur;
      } else if (Character.isWhitespace(c)) {
        if (cur != null) {
          out.add(cur.toString());
          cur = null;
        }
      } else if (c == ';' || c == '|' || (c == '#' && cur == null)) {
        if (cur != null) {
          out.add(cur.toString());
          cur = null;
        }
        out.add(String.valueOf(c));
      } else {
        cur = cur == null ? new StringBuilder() : cur;
        cur.append(c);
      }
    }
    if (cur != null) {
      out.add(cur.toString());
    }
    return out;
  }
}
