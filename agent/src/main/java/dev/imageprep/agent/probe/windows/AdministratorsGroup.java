package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The local Administrators group, found by its SID {@value #SID} (its name is localized:
 * "Administratoren", "Administrateurs"…), as {@code NetLocalGroupGetMembers} at level 2 lists it.
 */
public interface AdministratorsGroup {

  /** BUILTIN\Administrators ("Well-known SIDs", Win32 docs). */
  String SID = "S-1-5-32-544";

  /** What kind of account a member is ({@code SID_NAME_USE}). */
  enum Kind {
    USER, GROUP, DOMAIN, ALIAS, WELL_KNOWN_GROUP, DELETED_ACCOUNT, INVALID, UNKNOWN, COMPUTER, LABEL;

    /** From {@code SID_NAME_USE}, which counts from 1 ({@code SidTypeUser}). */
    static Kind of(int sidNameUse) {
      Kind[] all = values();
      return sidNameUse >= 1 && sidNameUse <= all.length ? all[sidNameUse - 1] : UNKNOWN;
    }
  }

  /**
   * One member.
   *
   * @param sid its SID as a string
   * @param name {@code DOMAIN\name} as {@code lgrmi2_domainandname} gives it
   */
  record Member(String sid, Kind kind, String name) {

    /** The account part of the name, after the backslash. */
    public String account() {
      return name.substring(name.indexOf('\\') + 1);
    }

    /** The built-in Administrator of the machine or a domain: relative identifier 500. */
    public boolean isBuiltInAdministrator() {
      return sid.startsWith("S-1-5-21-") && sid.endsWith("-500");
    }

    /** Whether a name or SID from the command line or the allow-list means this member. */
    public boolean isNamed(String given) {
      String g = given.strip().toLowerCase(Locale.ROOT);
      return g.equals(sid.toLowerCase(Locale.ROOT)) || g.equals(name.toLowerCase(Locale.ROOT))
          || !g.contains("\\") && g.equals(account().toLowerCase(Locale.ROOT));
    }
  }

  List<Member> members() throws IOException;

  /**
   * Removes a member, by SID.
   *
   * @return false when it was no longer a member ({@code ERROR_MEMBER_NOT_IN_ALIAS})
   */
  boolean remove(Member member) throws IOException;

  /** The running system's group, through netapi32. */
  static AdministratorsGroup live() {
    return new NetLocalGroups();
  }
}
