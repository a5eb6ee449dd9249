package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Debian's package database: {@code /var/lib/dpkg/status} and the file lists in {@code info/}. */
final class DpkgDatabase {

  static final ImagePath STATUS = ImagePath.of("/var/lib/dpkg/status");
  static final ImagePath INFO = ImagePath.of("/var/lib/dpkg/info");
  private static final long MAX_STATUS_BYTES = 256L * 1024 * 1024;

  private final ImageFiles files;

  DpkgDatabase(ImageFiles files) {
    this.files = files;
  }

  /** @return the installed packages, {@code Known(empty)} when the image has no dpkg database */
  Fact<Optional<List<InstalledPackage>>> installed() {
    Fact<Optional<String>> status = files.readText(STATUS, MAX_STATUS_BYTES);
    if (!status.isKnown()) {
      return Fact.unknown("dpkg status: " + status.reason());
    }
    return Fact.known(status.value().map(DpkgDatabase::parse));
  }

  /*
   * Sample (Debian 12, /var/lib/dpkg/status):
   *   Package: openssh-server
   *   Status: install ok installed
   *   Architecture: amd64
   *   Version: 1:9.2p1-2+deb12u5
   *
   * Paragraphs are separated by blank lines; continuation lines start with a space. A package counts
   * as installed when its status is "install ok installed" or "hold ok installed".
   */
  static List<InstalledPackage> parse(String status) {
    List<InstalledPackage> out = new ArrayList<>();
    String name = null;
    String version = "";
    String arch = "";
    boolean installed = false;
    // -1 keeps the trailing empty strings: without them the last stanza never sees its blank line
    for (String line : (status + "\n\n").split("\n", -1)) {
      if (line.isBlank()) {
        if (name != null && installed) {
          out.add(new InstalledPackage(name, version, arch));
        }
        name = null;
        version = "";
        arch = "";
        installed = false;
      } else if (line.startsWith("Package:")) {
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
    return out;
  }

  /** Paths listed in {@code info/*.list} that lie under {@code directory}. */
  Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
    Fact<List<FileInfo>> lists = files.list(INFO);
    if (!lists.isKnown()) {
      return Fact.unknown("dpkg info: " + lists.reason());
    }
    String prefix = directory + "/";
    List<ImagePath> out = new ArrayList<>();
    for (FileInfo f : lists.value()) {
      if (!f.path().fileName().endsWith(".list")) {
        continue;
      }
      Fact<Optional<String>> text = files.readText(f.path(), 64L * 1024 * 1024);
      if (!text.isKnown()) {
        return Fact.unknown("dpkg file list: " + text.reason());
      }
      for (String line : text.value().orElse("").split("\n")) {
        if (line.startsWith(prefix)) {
          out.add(ImagePath.of(line.strip()));
        }
      }
    }
    return Fact.known(out);
  }
}
