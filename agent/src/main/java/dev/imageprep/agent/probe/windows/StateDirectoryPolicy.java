package dev.imageprep.agent.probe.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a directory's owner and DACL, as SDDL, leave it to SYSTEM and the Administrators alone.
 * Others may read; no one else may create, write, delete or change permissions, and nothing may be
 * inherited from the parent (ProgramData grants BUILTIN\Users "add file, add subdirectory" on new
 * folders: {@code (A;CIID;DCLCRPCR;;;BU)}). Sources: "Security Descriptor String Format", "ACE
 * Strings", "File Security and Access Rights" (Win32 docs).
 */
final class StateDirectoryPolicy {

  private StateDirectoryPolicy() {}

  /** What imageprep creates: protected, full control for SYSTEM and Administrators, read for Users. */
  static final String SDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)";

  private static final List<String> TRUSTED = List.of("SY", "BA", "S-1-5-18", "S-1-5-32-544");

  /** Rights that change a directory or what is in it ("File Security and Access Rights"). */
  private static final long WRITE = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 // write/add file, append/add dir, EA, delete child, attributes
      | 0x10000 | 0x40000 | 0x80000 // DELETE, WRITE_DAC, WRITE_OWNER
      | 0x40000000L | 0x10000000L; // GENERIC_WRITE, GENERIC_ALL

  private static final Map<String, Long> RIGHTS = Map.ofEntries(
      Map.entry("GA", 0x10000000L), Map.entry("GR", 0x80000000L), Map.entry("GW", 0x40000000L),
      Map.entry("GX", 0x20000000L), Map.entry("RC", 0x20000L), Map.entry("SD", 0x10000L),
      Map.entry("WD", 0x40000L), Map.entry("WO", 0x80000L), Map.entry("CC", 0x1L), Map.entry("DC", 0x2L),
      Map.entry("LC", 0x4L), Map.entry("SW", 0x8L), Map.entry("RP", 0x10L), Map.entry("WP", 0x20L),
      Map.entry("DT", 0x40L), Map.entry("LO", 0x80L), Map.entry("CR", 0x100L), Map.entry("FA", 0x1F01FFL),
      Map.entry("FR", 0x120089L), Map.entry("FW", 0x120116L), Map.entry("FX", 0x1200A0L));

  private static final Pattern OWNER = Pattern.compile("O:(S-[0-9-]+|[A-Z]{2})");
  private static final Pattern DACL = Pattern.compile("D:([A-Z_]*)((?:\\([^)]*\\))*)");
  private static final Pattern ACE = Pattern.compile("\\(([^;]*);([^;]*);([^;]*);[^;]*;[^;]*;([^;)]*)[^)]*\\)");

  static boolean isTrusted(String sid) {
    return TRUSTED.contains(sid.toUpperCase(Locale.ROOT));
  }

  /** The owner's SID (or SDDL alias), if the string names one. */
  static Optional<String> owner(String sddl) {
    Matcher m = OWNER.matcher(sddl);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** What in the DACL lets anyone but SYSTEM and Administrators change the directory; empty when none. */
  static List<String> daclProblems(String sddl) {
    Matcher d = DACL.matcher(sddl);
    if (!d.find() || d.group(1).contains("NO_ACCESS_CONTROL")) {
      return List.of("it has no DACL: everyone has full control");
    }
    List<String> problems = new ArrayList<>();
    if (!d.group(1).contains("P")) {
      problems.add("it inherits permissions from its parent");
    }
    Matcher ace = ACE.matcher(d.group(2));
    while (ace.find()) {
      String type = ace.group(1);
      String sid = ace.group(4);
      if ((type.equals("A") || type.equals("OA")) && !isTrusted(sid) && !sid.equals("CO") && (rights(ace.group(3)) & WRITE) != 0) {
        problems.add(sid + " may write into it (" + ace.group(3) + ")");
      }
    }
    return problems;
  }

  /** An access mask from hex or two-letter codes; an unknown code counts as every right. */
  static long rights(String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return Long.parseLong(text.substring(2), 16);
    }
    long mask = 0;
    for (int i = 0; i + 2 <= text.length(); i += 2) {
      mask |= RIGHTS.getOrDefault(text.substring(i, i + 2).toUpperCase(Locale.ROOT), 0xFFFFFFFFL);
    }
    return text.length() % 2 == 0 ? mask : 0xFFFFFFFFL;
  }
}
