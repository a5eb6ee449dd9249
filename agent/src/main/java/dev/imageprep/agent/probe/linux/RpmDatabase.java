package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image's rpm database (Amazon Linux, RHEL family), read with the {@code rpm} command pointed at
 * the image's database directory. The database format (BerkeleyDB, sqlite, ndb) is rpm's business.
 */
final class RpmDatabase {

  static final ImagePath DB_DIR = ImagePath.of("/var/lib/rpm");
  private static final List<String> DB_FILES = List.of("rpmdb.sqlite", "Packages", "Packages.db");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final RootedFiles files;
  private final CommandRunner runner;

  RpmDatabase(RootedFiles files, CommandRunner runner) {
    this.files = files;
    this.runner = runner;
  }

  /** @return whether the image has an rpm database, or {@code Unknown} */
  Fact<Boolean> present() {
    for (String name : DB_FILES) {
      Fact<Optional<FileInfo>> f = files.stat(resolvedDir().child(name));
      if (!f.isKnown()) {
        return Fact.unknown("rpm database: " + f.reason());
      }
      if (f.value().isPresent() && f.value().get().isRegular() && f.value().get().size() > 0) {
        return Fact.known(true);
      }
    }
    return Fact.known(false);
  }

  private ImagePath resolvedDir() {
    return files.resolve(DB_DIR).orElse(DB_DIR);
  }

  Fact<List<InstalledPackage>> installed() {
    return query("%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\n").map(RpmDatabase::parsePackages);
  }

  Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
    String prefix = directory + "/";
    return query("[%{FILENAMES}\\n]").map(out -> {
      List<ImagePath> paths = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.startsWith(prefix)) {
          paths.add(ImagePath.of(line.strip()));
        }
      }
      return paths;
    });
  }

  private Fact<String> query(String format) {
    String dbpath = files.hostPath(resolvedDir()).toAbsolutePath().toString();
    try {
      Optional<CommandRunner.Result> r = runner.run(
          List.of("rpm", "--dbpath", dbpath, "-qa", "--nosignature", "--nodigest", "--qf", format), TIMEOUT);
      if (r.isEmpty()) {
        return Fact.unknown("the image has an rpm database, but the rpm command is not installed here to read it");
      }
      if (r.get().exitCode() != 0) {
        return Fact.unknown("rpm -qa failed (exit " + r.get().exitCode() + "): " + firstLine(r.get().stderr()));
      }
      return Fact.known(r.get().stdout());
    } catch (CommandRunner.CommandTimeoutException e) {
      return Fact.unknown(e.getMessage());
    }
  }

  /* Sample output of the query format: "cloud-init\t22.2.2-1.amzn2023.0.3\tnoarch" */
  static List<InstalledPackage> parsePackages(String out) {
    List<InstalledPackage> list = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] f = line.split("\t");
      if (f.length >= 3 && !f[0].isBlank()) {
        list.add(new InstalledPackage(f[0].strip(), f[1].strip(), f[2].strip()));
      }
    }
    return list;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
