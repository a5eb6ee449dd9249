package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the WorkSpaces user profile the WorkSpaces guide names for the image's Windows version and measures it
 * the way the guide counts it: the logical size of its files ("files and data", so a sparse or
 * compressed file counts with its full length), minus the folders Create Image leaves out. Links,
 * junctions and mount points inside the profile are not followed (Windows keeps legacy junctions
 * such as {@code Application Data} that loop back).
 */
public final class ProfileMeasure {

  /**
   * Where the profile is, and why there.
   *
   * @param perUser true when {@code path} holds one profile folder per user ({@code D:\Users\*})
   */
  public record Location(WindowsPath path, boolean perUser, String why) {}

  /**
   * One measured profile.
   *
   * @param bytes logical bytes counted; a lower bound when {@code unreadable} is not empty
   * @param excluded the left-out folders found, with their sizes (-1 when unreadable)
   * @param linksNotFollowed symlinks, junctions and mount points seen and not followed
   * @param unreadable directories that could not be listed, with the reason
   */
  public record Measurement(WindowsPath path, long bytes, long files, Map<String, Long> excluded,
      int linksNotFollowed, List<String> unreadable) {

    public boolean complete() {
      return unreadable.isEmpty();
    }

    public long excludedBytes() {
      return excluded.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }
  }

  // the host, not the check's context: this helper sits below the checks that use it
  private final HostFacts host;
  private final ProfileSpec spec;

  public ProfileMeasure(HostFacts host, ProfileSpec spec) {
    this.host = host;
    this.spec = spec;
  }

  /** Which profile folder the WorkSpaces guide asks for, from the image's Windows version. */
  public Fact<Location> locate() {
    Fact<WindowsVersion> version = WindowsVersion.read(host.registry());
    if (!version.isKnown()) {
      return Fact.unknown("cannot tell which profile folder applies, the Windows version is unknown: "
          + version.reason());
    }
    WindowsVersion v = version.value();
    boolean legacy = v.before(spec.legacyBefore());
    String chosen = legacy ? spec.legacyPath() : spec.path();
    boolean perUser = chosen.endsWith("\\*");
    Optional<WindowsPath> base = WindowsPath.parse(perUser ? chosen.substring(0, chosen.length() - 2) : chosen);
    if (base.isEmpty()) {
      return Fact.unknown("not a Windows path: " + chosen);
    }
    String why = v.label() + (legacy ? ", older than " + spec.legacyBefore() + "," : "")
        + " keeps the customized profile in " + chosen;
    return Fact.known(new Location(base.get(), perUser, why));
  }

  /** The files of the drive a path is on: the image itself for the system drive, else another drive. */
  public Fact<ImageFiles> filesOf(WindowsPath path) {
    if (path.drive() == Character.toUpperCase(host.windows().systemDrive())) {
      return Fact.known(host.files());
    }
    Fact<ImageFiles> other = host.windows().drive(path.drive());
    if (!other.isKnown()) {
      return Fact.unknown(path.drive() + ": is not available here (" + other.reason() + ")");
    }
    return other;
  }

  /**
   * Measures every profile the location names: the folder itself, or each user's folder below it.
   *
   * @return the measurements; {@code Known(empty)} when no profile folder exists
   */
  public Fact<List<Measurement>> measureAll() {
    Fact<Location> location = locate();
    if (!location.isKnown()) {
      return Fact.unknown(location.reason());
    }
    WindowsPath where = location.value().path();
    Fact<ImageFiles> files = filesOf(where);
    if (!files.isKnown()) {
      return Fact.unknown(files.reason());
    }
    List<ImagePath> folders = new ArrayList<>();
    if (location.value().perUser()) {
      Fact<List<FileInfo>> users = files.value().list(where.path());
      if (!users.isKnown()) {
        return Fact.unknown("cannot list " + where + ": " + users.reason());
      }
      for (FileInfo u : users.value()) {
        if (u.isDirectory() && !isSharedProfile(u.path().fileName())) {
          folders.add(u.path());
        }
      }
    } else {
      Fact<Optional<FileInfo>> stat = files.value().stat(where.path());
      if (!stat.isKnown()) {
        return Fact.unknown("cannot look at " + where + ": " + stat.reason());
      }
      if (stat.value().isPresent() && stat.value().get().isDirectory()) {
        folders.add(where.path());
      }
    }
    List<Measurement> out = new ArrayList<>();
    for (ImagePath folder : folders) {
      out.add(measure(files.value(), new WindowsPath(where.drive(), folder), spec.normalizedExclusions()));
    }
    return Fact.known(out);
  }

  private static boolean isSharedProfile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("public") || n.equals("default") || n.equals("default user") || n.equals("all users");
  }

  /** Walks one profile folder without following links, leaving the excluded folders out. */
  public static Measurement measure(ImageFiles files, WindowsPath profile, List<String> exclusions) {
    Set<String> excludedSet = new HashSet<>(exclusions);
    Map<String, Long> excluded = new LinkedHashMap<>();
    List<String> unreadable = new ArrayList<>();
    long bytes = 0;
    long count = 0;
    int links = 0;
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {profile.path(), ""});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      ImagePath dir = (ImagePath) top[0];
      String rel = (String) top[1];
      Fact<List<FileInfo>> entries = files.list(dir);
      if (!entries.isKnown()) {
        unreadable.add(new WindowsPath(profile.drive(), dir) + ": " + entries.reason());
        continue;
      }
      for (FileInfo e : entries.value()) {
        String childRel = (rel.isEmpty() ? "" : rel + "/") + e.path().fileName().toLowerCase(Locale.ROOT);
        if (excludedSet.contains(childRel)) {
          Fact<Long> size = files.treeBytes(e.path());
          excluded.put(new WindowsPath(profile.drive(), e.path()).toString(), size.isKnown() ? size.value() : -1L);
          continue;
        }
        if (e.isSymlink()) {
          links++;
        } else if (e.isDirectory()) {
          stack.push(new Object[] {e.path(), childRel});
        } else if (e.isRegular()) {
          bytes += e.size();
          count++;
        }
      }
    }
    return new Measurement(profile, bytes, count, excluded, links, unreadable);
  }
}
