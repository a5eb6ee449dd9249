package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.UnitInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * systemd units read from their unit files, the way {@code systemctl list-unit-files} sees them but
 * without asking a running systemd (which a mounted image does not have, and which costs half a
 * second live). A unit is enabled when a {@code .wants}/{@code .requires} directory links it, static
 * when it has no {@code [Install]} section, masked when linked to {@code /dev/null}.
 */
public final class SystemdUnits implements ServiceProbe {

  /** Unit directories in systemd's order of precedence (first wins). */
  static final List<String> LIVE_DIRS = List.of("/etc/systemd/system", "/run/systemd/system",
      "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");
  static final List<String> OFFLINE_DIRS = List.of("/etc/systemd/system", "/usr/local/lib/systemd/system",
      "/usr/lib/systemd/system", "/lib/systemd/system");
  private static final Set<String> SUFFIXES = Set.of(".service", ".socket", ".timer", ".mount", ".target",
      ".path", ".automount", ".swap");
  private static final Pattern EXEC = Pattern.compile("(?m)^\\s*Exec(?:Start|StartPre|StartPost|Reload)\\s*=\\s*(.*)$");
  private static final Pattern INSTALL = Pattern.compile("(?m)^\\s*\\[Install\\]\\s*$");
  private static final long MAX_UNIT_BYTES = 1 << 20;

  private final ImageFiles files;
  private final List<String> dirs;
  private Fact<Map<String, UnitInfo>> cached;

  public SystemdUnits(ImageFiles files, boolean offline) {
    this.files = files;
    this.dirs = offline ? OFFLINE_DIRS : LIVE_DIRS;
  }

  @Override
  public Fact<Optional<UnitInfo>> unit(String name) {
    Fact<Map<String, UnitInfo>> all = all();
    if (!all.isKnown()) {
      return Fact.unknown(all.reason());
    }
    UnitInfo u = all.value().get(name);
    if (u == null && name.contains("@") && !name.contains("@.")) {
      u = all.value().get(name.substring(0, name.indexOf('@') + 1) + name.substring(name.lastIndexOf('.')));
    }
    return Fact.known(Optional.ofNullable(u));
  }

  @Override
  public Fact<List<UnitInfo>> units() {
    return all().map(m -> List.copyOf(m.values()));
  }

  private synchronized Fact<Map<String, UnitInfo>> all() {
    if (cached == null) {
      cached = scan();
    }
    return cached;
  }

  private Fact<Map<String, UnitInfo>> scan() {
    Map<String, FileInfo> fragments = new LinkedHashMap<>();
    Map<String, List<String>> wantedBy = new LinkedHashMap<>();
    for (String dir : dirs) {
      Fact<List<FileInfo>> entries = files.list(ImagePath.of(dir));
      if (!entries.isKnown()) {
        return Fact.unknown("systemd units in " + dir + ": " + entries.reason());
      }
      for (FileInfo e : entries.value()) {
        String name = e.path().fileName();
        if (e.isDirectory() && (name.endsWith(".wants") || name.endsWith(".requires"))) {
          Fact<List<FileInfo>> links = files.list(e.path());
          if (!links.isKnown()) {
            return Fact.unknown("systemd units in " + e.path() + ": " + links.reason());
          }
          for (FileInfo link : links.value()) {
            wantedBy.computeIfAbsent(link.path().fileName(), k -> new ArrayList<>()).add(name);
          }
        } else if (isUnitName(name) && !e.isDirectory()) {
          fragments.putIfAbsent(name, e);
        }
      }
    }
    Map<String, UnitInfo> units = new LinkedHashMap<>();
    for (Map.Entry<String, FileInfo> f : fragments.entrySet()) {
      Fact<UnitInfo> info = describe(f.getKey(), f.getValue(), wantedBy);
      if (!info.isKnown()) {
        return Fact.unknown(info.reason());
      }
      units.put(f.getKey(), info.value());
    }
    return Fact.known(units);
  }

  private Fact<UnitInfo> describe(String name, FileInfo fragment, Map<String, List<String>> wantedBy) {
    if (fragment.isSymlink() && "/dev/null".equals(fragment.linkTarget())) {
      return Fact.known(new UnitInfo(name, fragment.path(), "masked", List.of()));
    }
    Fact<Optional<String>> text = files.readText(fragment.path(), MAX_UNIT_BYTES);
    if (!text.isKnown()) {
      return Fact.unknown("unit " + name + ": " + text.reason());
    }
    if (text.value().isEmpty() || (fragment.isRegular() && fragment.size() == 0)) {
      // an empty regular file, or a link to nothing usable: systemd treats both as masked
      return Fact.known(new UnitInfo(name, fragment.path(), "masked", List.of()));
    }
    String body = text.value().get();
    List<String> execs = new ArrayList<>(execLines(body));
    Fact<List<FileInfo>> dropins = files.list(fragment.path().parent().child(name + ".d"));
    if (dropins.isKnown()) {
      for (FileInfo d : dropins.value()) {
        if (d.path().fileName().endsWith(".conf")) {
          files.readText(d.path(), MAX_UNIT_BYTES).orElse(Optional.empty()).ifPresent(t -> execs.addAll(execLines(t)));
        }
      }
    }
    String state;
    if (wantedBy.containsKey(name)) {
      state = "enabled";
    } else if (!INSTALL.matcher(body).find()) {
      state = "static";
    } else {
      state = "disabled";
    }
    return Fact.known(new UnitInfo(name, fragment.path(), state, execs));
  }

  static List<String> execLines(String body) {
    List<String> out = new ArrayList<>();
    Matcher m = EXEC.matcher(body);
    while (m.find()) {
      String v = m.group(1).strip();
      if (!v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean isUnitName(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && SUFFIXES.contains(name.substring(dot));
  }
}
