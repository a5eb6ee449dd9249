package dev.imageprep.agent.sudo;

import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Kind;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Member;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code sudo revoke} on Windows: takes users out of the local Administrators group, which is how
 * WorkSpaces grants local administrator rights. Without {@code --user} it removes every user account
 * (local or domain) except the built-in Administrator (RID 500) and the allow-list; groups stay (a
 * domain's "Domain Admins" belongs there), but a group that holds every user (Everyone, INTERACTIVE,
 * Authenticated Users, Users, Domain Users) is reported as a grant that remains. Idempotent: a member
 * that is already gone is no change.
 */
public final class WindowsAdminRevoker {

  /** Groups every interactive user is in: membership makes everyone an administrator. */
  private static final Set<String> EVERYONE = Set.of("S-1-1-0", "S-1-5-4", "S-1-5-11", "S-1-5-32-545");

  private final AdministratorsGroup group;
  private final RevokeConfig config;
  private final Consumer<String> log;

  /**
   * @param config the allow-list ({@code %ProgramData%\imageprep\imageprep.conf})
   * @param log told of each change as it is made, and of what stays
   */
  public WindowsAdminRevoker(AdministratorsGroup group, RevokeConfig config, Consumer<String> log) {
    this.group = group;
    this.config = config;
    this.log = log;
  }

  /**
   * @throws IllegalArgumentException when asked to revoke the built-in Administrator
   * @throws IOException when the group cannot be read
   */
  public RevokeOutcome run(RevokeRequest request) throws IOException {
    List<Member> members = group.members();
    List<Member> targets = request.users().isEmpty() ? chosen(members) : named(members, request.users());
    List<String> remaining = new ArrayList<>();
    for (Member m : members) {
      if (EVERYONE.contains(m.sid()) || m.sid().startsWith("S-1-5-21-") && m.sid().endsWith("-513")) {
        remaining.add(m.name() + " is a member of Administrators, and every user is in it; remove it by hand"
            + " (net localgroup)");
      }
    }
    List<String> users = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Member m : targets) {
      users.add(m.name());
      String change = "removed " + m.name() + " (" + m.sid() + ") from the local Administrators group";
      if (request.dryRun()) {
        changes.add(change);
        continue;
      }
      try {
        if (group.remove(m)) {
          changes.add(change);
          log.accept(change);
        } else {
          log.accept(m.name() + " was no longer in the Administrators group");
        }
      } catch (IOException e) {
        failures.add(m.name() + ": " + e.getMessage());
      }
    }
    return new RevokeOutcome(users, changes, remaining, failures);
  }

  /** Every user account but the built-in Administrator and the allow-list. */
  private List<Member> chosen(List<Member> members) {
    List<Member> out = new ArrayList<>();
    for (Member m : members) {
      if (m.kind() != Kind.USER || m.isBuiltInAdministrator()) {
        continue;
      }
      if (config.keep().stream().anyMatch(m::isNamed)) {
        log.accept("kept " + m.name() + ": on the allow-list (sudo-revoke.keep)");
        continue;
      }
      out.add(m);
    }
    return out;
  }

  /** The members named on the command line; an explicit name is obeyed even if on the allow-list. */
  private static List<Member> named(List<Member> members, List<String> names) {
    List<Member> out = new ArrayList<>();
    for (String name : names) {
      for (Member m : members) {
        if (m.isNamed(name)) {
          if (m.isBuiltInAdministrator()) {
            throw new IllegalArgumentException(m.name() + " is the built-in Administrator, whose rights are never"
                + " revoked");
          }
          if (!out.contains(m)) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }
}
