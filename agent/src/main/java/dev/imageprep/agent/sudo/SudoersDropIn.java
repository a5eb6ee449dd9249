package dev.imageprep.agent.sudo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites one {@code /etc/sudoers.d} drop-in so that it grants nothing to the given users: a user
 * specification naming only them goes, one naming others too loses just their names, and a
 * {@code User_Alias} loses them from its members. A file left with nothing but comments is removed.
 * An alias left with no members goes too, with the rules and {@code Defaults:ALIAS} lines that
 * name only it. What cannot be taken away by editing names (a rule for {@code ALL}) is left as it is
 * and reported.
 */
final class SudoersDropIn {

  /** A user list (names, %groups, #uids, aliases, comma separated) followed by the rest of a rule. */
  private static final Pattern USER_SPEC = Pattern.compile("^((?:[^\\s,=]+\\s*,\\s*)*[^\\s,=]+)(\\s+\\S.*)$");
  private static final Pattern DEFAULTS_FOR_USERS = Pattern.compile("^Defaults:([^\\s]+)\\s.*$");
  private static final Pattern USER_ALIAS = Pattern.compile("^(User_Alias\\s+[A-Z][A-Z0-9_]*\\s*=\\s*)(.+)$");

  /**
   * The outcome for one file.
   *
   * @param text the new content, or empty when the file should be removed
   * @param changes what was taken away
   * @param unresolved grants that remain because an edit of names cannot remove them
   * @param changed whether the file needs writing (or removing)
   */
  record Rewrite(Optional<String> text, List<String> changes, List<String> unresolved, boolean changed) {}

  private SudoersDropIn() {}

  /* Sample (a WorkSpaces-style drop-in, /etc/sudoers.d/01-ws-admin-user):
   *   # Created by WorkSpaces
   *   alice ALL=(ALL:ALL) NOPASSWD: ALL
   */
  static Rewrite rewrite(String file, String text, Set<String> users, Map<String, Integer> uids) {
    String[] lines = text.split("\n", -1);
    List<int[]> spans = new ArrayList<>(); // [first, last] physical line of each logical line
    List<String> logical = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int end = i;
      StringBuilder line = new StringBuilder(lines[i]);
      while (line.toString().endsWith("\\") && end + 1 < lines.length) {
        String head = line.substring(0, line.length() - 1).stripTrailing();
        line.setLength(0);
        line.append(head).append(' ').append(lines[++end].strip());
      }
      spans.add(new int[] {i, end});
      logical.add(line.toString().strip());
      i = end;
    }
    Matcher m;
    Set<String> emptied = new HashSet<>();
    for (String line : logical) {
      if ((m = USER_ALIAS.matcher(line)).matches() && items(m.group(2)).stream().allMatch(x -> names(x, users, uids))) {
        emptied.add(aliasName(m.group(1)));
      }
    }
    Target target = new Target(users, uids, emptied);
    List<String> changes = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    boolean changed = false;
    for (int k = 0; k < logical.size(); k++) {
      int[] span = spans.get(k);
      String where = file + ":" + (span[0] + 1);
      Optional<String> replacement = rewriteLine(logical.get(k), target, where, changes, unresolved);
      if (replacement.isPresent()) {
        lines[span[0]] = replacement.get().isEmpty() ? null : replacement.get(); // "" drops the line
        for (int c = span[0] + 1; c <= span[1]; c++) {
          lines[c] = null; // continuation lines were folded into the rewritten line
        }
        changed = true;
      }
    }
    if (!changed) {
      return new Rewrite(Optional.of(text), changes, unresolved, false);
    }
    List<String> kept = Arrays.stream(lines).filter(l -> l != null).toList();
    boolean onlyComments = kept.stream().map(String::strip)
        .allMatch(l -> l.isEmpty() || (l.startsWith("#") && !isDirective(l)));
    if (onlyComments) {
      changes.add("removed " + file + ": nothing left in it but comments");
      return new Rewrite(Optional.empty(), changes, unresolved, true);
    }
    return new Rewrite(Optional.of(String.join("\n", kept)), changes, unresolved, true);
  }

  /** The users to take out, their uids, and the User_Aliases that name nobody else. */
  private record Target(Set<String> users, Map<String, Integer> uids, Set<String> emptiedAliases) {

    boolean covers(String item) {
      return emptiedAliases.contains(item) || names(item, users, uids);
    }
  }

  /** @return the replacement line ("" to drop it), or empty to keep the line as it is */
  private static Optional<String> rewriteLine(String line, Target target, String where, List<String> changes,
      List<String> unresolved) {
    if (line.isEmpty() || (line.startsWith("#") && !isUidSpec(line)) || line.startsWith("@")
        || line.matches("^(Runas|Host|Cmnd|Cmd)_Alias\\b.*")) {
      return Optional.empty();
    }
    if (line.startsWith("Defaults")) {
      // Defaults:ALIAS binds settings to users; once the alias is gone the line would not parse
      Matcher bound = DEFAULTS_FOR_USERS.matcher(line);
      if (bound.matches() && items(bound.group(1)).stream().allMatch(target.emptiedAliases()::contains)) {
        changes.add("removed " + line + " (" + where + ")");
        return Optional.of("");
      }
      return Optional.empty();
    }
    Matcher alias = USER_ALIAS.matcher(line);
    if (alias.matches()) {
      List<String> members = items(alias.group(2));
      List<String> kept = members.stream().filter(x -> !target.covers(x)).toList();
      if (kept.size() == members.size()) {
        return Optional.empty();
      }
      if (kept.isEmpty()) {
        changes.add("removed the alias " + line + " (" + where + ")");
        return Optional.of("");
      }
      changes.add("removed " + removed(members, kept) + " from " + aliasName(alias.group(1)) + " (" + where + ")");
      return Optional.of(alias.group(1) + String.join(", ", kept));
    }
    Matcher spec = USER_SPEC.matcher(line);
    if (!spec.matches()) {
      return Optional.empty();
    }
    List<String> principals = items(spec.group(1));
    if (principals.contains("ALL")) {
      unresolved.add(where + ": " + line + " (grants every user; imageprep does not rewrite it)");
      return Optional.empty();
    }
    List<String> kept = principals.stream().filter(p -> !target.covers(p)).toList();
    if (kept.size() == principals.size()) {
      return Optional.empty();
    }
    if (kept.isEmpty()) {
      changes.add("removed the rule " + line + " (" + where + ")");
      return Optional.of("");
    }
    changes.add("removed " + removed(principals, kept) + " from the rule " + line + " (" + where + ")");
    return Optional.of(String.join(", ", kept) + spec.group(2));
  }

  private static String aliasName(String head) {
    return head.replaceAll("^User_Alias\\s+|\\s*=\\s*$", "");
  }

  private static List<String> items(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Whether a user-list item names one of the users, by name or by {@code #uid}. */
  private static boolean names(String item, Set<String> users, Map<String, Integer> uids) {
    if (users.contains(item)) {
      return true;
    }
    if (item.startsWith("#") && item.length() > 1) {
      String uid = item.substring(1);
      return users.stream().anyMatch(u -> uids.containsKey(u) && uid.equals(String.valueOf(uids.get(u))));
    }
    return false;
  }

  private static String removed(List<String> before, List<String> after) {
    return String.join(", ", before.stream().filter(p -> !after.contains(p)).toList());
  }

  /** {@code #1000 ALL=...} is a rule for uid 1000, not a comment. */
  private static boolean isUidSpec(String line) {
    return line.length() > 1 && Character.isDigit(line.charAt(1));
  }

  private static boolean isDirective(String line) {
    return line.startsWith("#include") || isUidSpec(line);
  }
}
