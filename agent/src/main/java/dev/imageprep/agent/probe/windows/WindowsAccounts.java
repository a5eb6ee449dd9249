package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.Netapi32Util;
import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.GroupEntry;
import dev.imageprep.rules.host.SudoersRule;
import dev.imageprep.rules.host.UserAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local users and local groups of the running Windows system through Netapi32 ({@code NetUserEnum},
 * {@code NetLocalGroupEnum}, {@code NetUserGetLocalGroups}). A group's members are the local users in
 * it; domain members are not listed. Windows has no uid or gid: they are reported as -1. There is no
 * sudoers: administrators are the members of the Administrators group.
 */
public final class WindowsAccounts implements AccountProbe {

  @Override
  public Fact<List<UserAccount>> users() {
    try {
      List<UserAccount> out = new ArrayList<>();
      for (Netapi32Util.User u : Netapi32Util.getUsers()) {
        out.add(new UserAccount(u.name, -1, -1, "", ""));
      }
      return Fact.known(out);
    } catch (RuntimeException e) {
      return Fact.unknown("cannot list local users: " + e.getMessage());
    }
  }

  @Override
  public Fact<List<GroupEntry>> groups() {
    try {
      Map<String, List<String>> members = new LinkedHashMap<>();
      for (Netapi32Util.LocalGroup g : Netapi32Util.getLocalGroups()) {
        members.put(g.name, new ArrayList<>());
      }
      for (Netapi32Util.User u : Netapi32Util.getUsers()) {
        for (Netapi32Util.Group g : Netapi32Util.getUserLocalGroups(u.name)) {
          members.computeIfAbsent(g.name, k -> new ArrayList<>()).add(u.name);
        }
      }
      List<GroupEntry> out = new ArrayList<>();
      members.forEach((name, list) -> out.add(new GroupEntry(name, -1, list)));
      return Fact.known(out);
    } catch (RuntimeException e) {
      return Fact.unknown("cannot list local groups: " + e.getMessage());
    }
  }

  @Override
  public Fact<List<SudoersRule>> sudoers() {
    return Fact.unknown("Windows has no sudoers; administrators are the members of the Administrators group");
  }
}
