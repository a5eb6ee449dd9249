package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.host.MountProbe;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.UnitInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mounts: on a running system, the kernel's table ({@code /proc/self/mountinfo}); for a mounted image,
 * what the image would mount at boot ({@code /etc/fstab} and enabled {@code .mount} units).
 */
public final class LinuxMounts implements MountProbe {

  private final ImageFiles files;
  private final boolean offline;
  private final ServiceProbe units;

  public LinuxMounts(ImageFiles files, boolean offline, ServiceProbe units) {
    this.files = files;
    this.offline = offline;
    this.units = units;
  }

  @Override
  public Fact<List<MountEntry>> mounts() {
    return offline ? configured() : live();
  }

  private Fact<List<MountEntry>> live() {
    Fact<Optional<String>> text = files.readText(ImagePath.of("/proc/self/mountinfo"), 16L * 1024 * 1024);
    if (!text.isKnown()) {
      return Fact.unknown(text.reason());
    }
    if (text.value().isEmpty()) {
      return Fact.unknown("/proc/self/mountinfo is not readable (is /proc mounted?)");
    }
    return Fact.known(parseMountinfo(text.value().get()));
  }

  /*
   * Sample (Linux, /proc/self/mountinfo):
   *   22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
   *   30 22 0:27 / /tmp rw,nosuid,nodev,noexec shared:5 - tmpfs tmpfs rw,size=1024k
   * Fields: id, parent, major:minor, root, mount point, mount options, optional fields up to "-",
   * filesystem type, source, superblock options. Spaces in paths are written as \040.
   */
  static List<MountEntry> parseMountinfo(String text) {
    List<MountEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.strip().split(" ");
      int dash = Arrays.asList(f).indexOf("-");
      if (f.length < 7 || dash < 6 || dash + 3 > f.length) {
        continue;
      }
      List<String> options = new ArrayList<>(Arrays.asList(f[5].split(",")));
      if (dash + 3 < f.length) {
        for (String o : f[dash + 3].split(",")) {
          if (!options.contains(o)) {
            options.add(o);
          }
        }
      }
      out.add(new MountEntry(ImagePath.of(unescape(f[4])), unescape(f[dash + 2]), f[dash + 1], options, "mountinfo"));
    }
    return out;
  }

  private Fact<List<MountEntry>> configured() {
    List<MountEntry> out = new ArrayList<>();
    Fact<Optional<String>> fstab = files.readText(ImagePath.of("/etc/fstab"), 1 << 20);
    if (!fstab.isKnown()) {
      return Fact.unknown(fstab.reason());
    }
    fstab.value().ifPresent(t -> out.addAll(parseFstab(t)));
    Fact<List<UnitInfo>> all = units.units();
    if (!all.isKnown()) {
      return Fact.unknown(all.reason());
    }
    for (UnitInfo u : all.value()) {
      if (u.name().endsWith(".mount") && u.state().equals("enabled")) {
        files.readText(u.fragment(), 1 << 20).orElse(Optional.empty())
            .flatMap(SystemdMount::parse)
            .ifPresent(out::add);
      }
    }
    return Fact.known(out);
  }

  /*
   * Sample (/etc/fstab):
   *   UUID=0a1b... /    ext4  defaults,noatime 0 1
   *   tmpfs        /tmp tmpfs defaults,noexec,nosuid 0 0
   */
  static List<MountEntry> parseFstab(String text) {
    List<MountEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+");
      if (f.length < 3 || !f[1].startsWith("/")) {
        continue; // swap and malformed lines mount nothing on a path
      }
      List<String> options = f.length > 3 ? Arrays.asList(f[3].split(",")) : List.of("defaults");
      out.add(new MountEntry(ImagePath.of(unescape(f[1])), unescape(f[0]), f[2], options, "fstab"));
    }
    return out;
  }

  /** A {@code .mount} unit's {@code [Mount]} section. */
  static final class SystemdMount {
    private static final Pattern WHERE = Pattern.compile("(?m)^\\s*Where\\s*=\\s*(\\S+)");
    private static final Pattern WHAT = Pattern.compile("(?m)^\\s*What\\s*=\\s*(\\S+)");
    private static final Pattern TYPE = Pattern.compile("(?m)^\\s*Type\\s*=\\s*(\\S+)");
    private static final Pattern OPTIONS = Pattern.compile("(?m)^\\s*Options\\s*=\\s*(\\S+)");

    static Optional<MountEntry> parse(String body) {
      Matcher where = WHERE.matcher(body);
      if (!where.find() || !where.group(1).startsWith("/")) {
        return Optional.empty();
      }
      Matcher what = WHAT.matcher(body);
      Matcher type = TYPE.matcher(body);
      Matcher options = OPTIONS.matcher(body);
      return Optional.of(new MountEntry(ImagePath.of(where.group(1)), what.find() ? what.group(1) : "",
          type.find() ? type.group(1) : "", options.find() ? Arrays.asList(options.group(1).split(",")) : List.of(),
          "systemd-unit"));
    }
  }

  private static String unescape(String s) {
    return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }
}
