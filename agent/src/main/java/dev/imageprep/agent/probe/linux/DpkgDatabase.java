package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's package database, read as data: {@code /var/lib/dpkg/status} (packages and conffiles),
 * the file lists and md5sums in {@code info/}, and {@code diversions}. dpkg itself is never run.
 */
final class DpkgDatabase {

  static final ImagePath STATUS = ImagePath.of("/var/lib/dpkg/status");
  static final ImagePath INFO = ImagePath.of("/var/lib/dpkg/info");
  static final ImagePath DIVERSIONS = ImagePath.of("/var/lib/dpkg/diversions");
  private static final long MAX_STATUS_BYTES = 256L * 1024 * 1024;
  private static final long MAX_LIST_BYTES = 64L * 1024 * 1024;

  /** A conffile as the status file records it: its package, path and md5 (null when not recorded). */
  record Conffile(String owner, String path, String md5) {}

  /** What the status file says. */
  record Status(List<InstalledPackage> installed, List<Conffile> conffiles) {}

  private final ImageFiles files;

  DpkgDatabase(ImageFiles files) {
    this.files = files;
  }

  /** @return the status file, {@code Known(empty)} when the image has no dpkg database */
  Fact<Optional<Status>> status() {
    Fact<Optional<FileInfo>> file = DatabaseFile.regular(files, STATUS);
    if (!file.isKnown()) {
      return Fact.unknown("dpkg status: " + file.reason());
    }
    if (file.value().isEmpty()) {
      Fact<List<FileInfo>> info = files.list(INFO);
      if (info.isKnown() && info.value().stream().noneMatch(f -> f.path().fileName().endsWith(".list"))) {
        return Fact.known(Optional.empty());
      }
      // file lists without a status file: a database nobody can read as dpkg would, not "no dpkg"
      return Fact.unknown("dpkg status: " + STATUS + " is missing, but " + INFO + " "
          + (info.isKnown() ? "holds file lists" : "cannot be read: " + info.reason()));
    }
    return read(STATUS, MAX_STATUS_BYTES).map(text -> Optional.of(parse(text)));
  }

  /** @return the installed packages, {@code Known(empty)} when the image has no dpkg database */
  Fact<Optional<List<InstalledPackage>>> installed() {
    return status().map(s -> s.map(Status::installed));
  }

  /*
   * Sample (Debian 12, /var/lib/dpkg/status):
   *   Package: openssh-server
   *   Status: install ok installed
   *   Architecture: amd64
   *   Version: 1:9.2p1-2+deb12u5
   *   Conffiles:
   *    /etc/pam.d/sshd 8b4c7a12b031424b2a9946881da59812
   *    /etc/ssh/moduli 366395e79244c54223455e5f83dafba3 obsolete
   *
   * Paragraphs are separated by blank lines; continuation lines start with a space. A package counts
   * as installed when its status is "install ok installed" or "hold ok installed". Conffiles of
   * every paragraph count: a removed package's conffiles stay on disk, and dpkg still owns them.
   */
  static Status parse(String status) {
    List<InstalledPackage> out = new ArrayList<>();
    List<Conffile> conffiles = new ArrayList<>();
    List<String[]> pending = new ArrayList<>();
    String name = null;
    String version = "";
    String arch = "";
    boolean installed = false;
    boolean inConffiles = false;
    // -1 keeps the trailing empty strings: without them the last stanza never sees its blank line
    for (String line : (status + "\n\n").split("\n", -1)) {
      if (line.isBlank()) {
        if (name != null && installed) {
          out.add(new InstalledPackage(name, version, arch));
        }
        for (String[] c : pending) {
          if (name != null) {
            conffiles.add(new Conffile(name, c[0], c.length > 1 && c[1].matches("[0-9a-f]{32}") ? c[1] : null));
          }
        }
        pending.clear();
        name = null;
        version = "";
        arch = "";
        installed = false;
        inConffiles = false;
      } else if (line.startsWith(" ") || line.startsWith("\t")) {
        if (inConffiles) {
          String[] f = line.strip().split("\\s+");
          if (f[0].startsWith("/")) {
            pending.add(f);
          }
        }
      } else {
        inConffiles = line.startsWith("Conffiles:");
        if (line.startsWith("Package:")) {
          name = line.substring(8).strip();
        } else if (line.startsWith("Version:")) {
          version = line.substring(8).strip();
        } else if (line.startsWith("Architecture:")) {
          arch = line.substring(13).strip();
        } else if (line.startsWith("Status:")) {
          String[] words = line.substring(7).strip().split("\\s+");
          installed = words.length == 3 && words[2].equals("installed")
              && (words[0].equals("install") || words[0].equals("hold"));
        }
      }
    }
    return new Status(out, conffiles);
  }

  /**
   * Adds every path the file lists name, with the md5sums and conffiles, to the index.
   *
   * @return {@code Known} once everything was read, or {@code Unknown} naming the file that was not
   */
  Fact<Boolean> addTo(PackageFileIndex.Builder index, Status status) {
    Fact<Map<String, Diversion>> diversions = diversions();
    if (!diversions.isKnown()) {
      return Fact.unknown(diversions.reason());
    }
    Fact<List<FileInfo>> info = files.list(INFO);
    if (!info.isKnown()) {
      return Fact.unknown("dpkg info: " + info.reason());
    }
    for (FileInfo f : info.value()) {
      String file = f.path().fileName();
      boolean list = file.endsWith(".list");
      if (!list && !file.endsWith(".md5sums")) {
        continue;
      }
      String owner = packageName(file.substring(0, file.lastIndexOf('.')));
      Fact<String> text = read(f.path(), MAX_LIST_BYTES);
      if (!text.isKnown()) {
        return Fact.unknown(text.reason());
      }
      for (String line : text.value().split("\n")) {
        if (list) {
          if (line.startsWith("/")) {
            index.own(onDisk(line, owner, diversions.value()), owner);
          }
        } else {
          // "<md5>  <path without the leading slash>"
          int space = line.indexOf("  ");
          if (space == 32) {
            index.digest(onDisk("/" + line.substring(34), owner, diversions.value()), "MD5", line.substring(0, 32));
          }
        }
      }
    }
    for (Conffile c : status.conffiles()) {
      String path = onDisk(c.path(), c.owner(), diversions.value());
      index.own(path, c.owner());
      index.conffile(path);
      if (c.md5() != null) {
        index.digest(path, "MD5", c.md5());
      }
    }
    return Fact.known(true);
  }

  /** A dpkg-divert entry: files other packages install at {@code from} live at {@code to}. */
  record Diversion(String from, String to, String by) {}

  private Fact<Map<String, Diversion>> diversions() {
    Fact<Optional<FileInfo>> file = DatabaseFile.regular(files, DIVERSIONS);
    if (!file.isKnown()) {
      return Fact.unknown("dpkg diversions: " + file.reason());
    }
    if (file.value().isEmpty()) {
      return Fact.known(Map.of());
    }
    return read(DIVERSIONS, MAX_LIST_BYTES).map(DpkgDatabase::parseDiversions);
  }

  /* Three lines per diversion: the diverted path, where it went, and the diverting package (":" = local). */
  static Map<String, Diversion> parseDiversions(String text) {
    Map<String, Diversion> out = new HashMap<>();
    String[] lines = text.split("\n");
    for (int i = 0; i + 2 < lines.length; i += 3) {
      out.put(lines[i], new Diversion(lines[i], lines[i + 1], lines[i + 2]));
    }
    return out;
  }

  /** Where a package's file really is: diverted away unless the package is the one that diverts it. */
  private static String onDisk(String listed, String owner, Map<String, Diversion> diversions) {
    Diversion d = diversions.get(listed);
    return d != null && !d.by().equals(owner) ? d.to() : listed;
  }

  /** {@code libc6:amd64} is listed as libc6, the name the status file and the inventory use. */
  private static String packageName(String stem) {
    int colon = stem.indexOf(':');
    return colon < 0 ? stem : stem.substring(0, colon);
  }

  private Fact<String> read(ImagePath path, long max) {
    Fact<Optional<FileInfo>> file = DatabaseFile.regular(files, path);
    if (!file.isKnown()) {
      return Fact.unknown(file.reason());
    }
    Fact<Optional<String>> text = files.readText(path, max);
    if (!text.isKnown()) {
      return Fact.unknown("dpkg database: " + text.reason());
    }
    return Fact.known(text.value().orElse(""));
  }
}
