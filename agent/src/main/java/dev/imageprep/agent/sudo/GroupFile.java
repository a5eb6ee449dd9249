package dev.imageprep.agent.sudo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes users out of groups in the text of {@code /etc/group} or {@code /etc/gshadow}, changing
 * nothing else: every other line, and the order of the remaining members, stay byte for byte.
 */
final class GroupFile {

  /** Where the member list is: the 4th field in both files; gshadow's 3rd field lists group admins. */
  private static final int MEMBERS = 3;
  private static final int GSHADOW_ADMINS = 2;

  private GroupFile() {}

  /**
   * @param text the file's content
   * @param gshadow true for {@code /etc/gshadow}, whose administrators field is cleaned as well
   * @param groups the groups to take the users out of
   * @param users the users to take out
   * @param file the file's name, for the change descriptions
   * @param changes receives one description per removal
   * @return the new content (the same string when nothing changed)
   */
  /* Samples:
   *   /etc/group    sudo:x:27:admin,alice
   *   /etc/gshadow  sudo:*:alice:admin,alice
   */
  static String withoutMembers(String text, boolean gshadow, Set<String> groups, Set<String> users, String file,
      List<String> changes) {
    String[] lines = text.split("\n", -1);
    boolean changed = false;
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split(":", -1);
      if (f.length < MEMBERS + 1 || !groups.contains(f[0])) {
        continue;
      }
      boolean lineChanged = false;
      for (int field : gshadow ? new int[] {GSHADOW_ADMINS, MEMBERS} : new int[] {MEMBERS}) {
        List<String> kept = new ArrayList<>();
        for (String member : f[field].split(",", -1)) {
          if (users.contains(member.strip())) {
            changes.add("removed " + member.strip() + " from group " + f[0] + (field == GSHADOW_ADMINS
                ? " administrators" : "") + " (" + file + ")");
            lineChanged = true;
          } else if (!member.isEmpty()) {
            kept.add(member);
          }
        }
        f[field] = String.join(",", kept);
      }
      if (lineChanged) {
        lines[i] = String.join(":", f);
        changed = true;
      }
    }
    return changed ? String.join("\n", lines) : text;
  }
}
