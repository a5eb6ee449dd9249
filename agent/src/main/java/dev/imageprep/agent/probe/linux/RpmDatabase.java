package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The image's rpm database (Amazon Linux, RHEL family), read with this machine's {@code rpm} command
 * pointed at a private copy of the image's database directory: rpm writes into the directory it
 * reads (sqlite's {@code -shm} and {@code -wal}, Berkeley DB's {@code __db.*}), and the image must
 * not change during {@code check}. The image's own rpm is never run. The database format
 * (BerkeleyDB, sqlite, ndb) is rpm's business.
 */
final class RpmDatabase {

  /** Where rpm keeps its database: the classic place, then the one newer Fedora and SUSE use. */
  static final List<ImagePath> DB_DIRS = List.of(ImagePath.of("/var/lib/rpm"), ImagePath.of("/usr/lib/sysimage/rpm"));
  private static final List<String> DB_FILES = List.of("rpmdb.sqlite", "Packages", "Packages.db");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /* One line per package, then one per file: packages and the file index come from one rpm run. */
  private static final String FORMAT = "P\\t%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{FILEDIGESTALGO}\\n"
      + "[F\\t%{FILENAMES}\\t%{FILEDIGESTS}\\t%{FILEFLAGS}\\t%{FILESTATES}\\n]";
  /* rpm's digest algorithm numbers (PGPHASHALGO_*), as Java names them. */
  private static final Map<String, String> ALGORITHMS = Map.of("1", "MD5", "2", "SHA-1", "8", "SHA-256",
      "9", "SHA-384", "10", "SHA-512", "11", "SHA-224", "(none)", "MD5");
  private static final int RPMFILE_CONFIG = 1;
  private static final int RPMFILE_GHOST = 1 << 6;

  private final RootedFiles files;
  private final CommandRunner runner;
  private Fact<String> output;

  RpmDatabase(RootedFiles files, CommandRunner runner) {
    this.files = files;
    this.runner = runner;
  }

  /** @return the directory holding the image's rpm database, {@code Known(empty)} if none, or {@code Unknown} */
  Fact<Optional<ImagePath>> location() {
    for (ImagePath dir : DB_DIRS) {
      Fact<Optional<ImagePath>> real = directory(dir);
      if (!real.isKnown()) {
        return real;
      }
      if (real.value().isEmpty()) {
        continue;
      }
      for (String name : DB_FILES) {
        Fact<Optional<FileInfo>> f = DatabaseFile.regular(files, real.value().get().child(name));
        if (!f.isKnown()) {
          return Fact.unknown("rpm database: " + f.reason());
        }
        if (f.value().isPresent() && f.value().get().size() > 0) {
          return Fact.known(real.value());
        }
      }
    }
    return Fact.known(Optional.empty());
  }

  /** The real directory behind a database directory; a dangling link or a non-directory is Unknown. */
  private Fact<Optional<ImagePath>> directory(ImagePath dir) {
    Fact<Optional<FileInfo>> entry = files.stat(dir);
    if (!entry.isKnown()) {
      return Fact.unknown("rpm database: " + entry.reason());
    }
    if (entry.value().isEmpty()) {
      return Fact.known(Optional.empty());
    }
    Fact<ImagePath> real = files.resolve(dir);
    Fact<Optional<FileInfo>> target = real.isKnown() ? files.stat(real.value()) : Fact.unknown(real.reason());
    if (!target.isKnown()) {
      return Fact.unknown("rpm database: " + target.reason());
    }
    if (target.value().isEmpty() || !target.value().get().isDirectory()) {
      return Fact.unknown("rpm database: " + dir + " is " + (target.value().isEmpty() ? "a dangling link"
          : "a " + target.value().get().type().key() + ", not a directory"));
    }
    return Fact.known(Optional.of(real.value()));
  }

  Fact<List<InstalledPackage>> installed(ImagePath dir) {
    return query(dir).map(RpmDatabase::parsePackages);
  }

  /** Adds every file the database lists, with its digest, to the index. */
  Fact<Boolean> addTo(PackageFileIndex.Builder index, ImagePath dir) {
    return query(dir).map(out -> {
      parseFiles(out, index);
      return true;
    });
  }

  private synchronized Fact<String> query(ImagePath dir) {
    if (output == null) {
      output = queryCopy(dir);
    }
    return output;
  }

  private Fact<String> queryCopy(ImagePath dir) {
    Path copy;
    try {
      copy = Files.createTempDirectory("imageprep-rpmdb-");
    } catch (IOException e) {
      return Fact.unknown("rpm database: cannot make a private copy to read (" + e.getMessage() + ")");
    }
    try {
      Fact<List<FileInfo>> entries = files.list(dir);
      if (!entries.isKnown()) {
        return Fact.unknown("rpm database: " + entries.reason());
      }
      for (FileInfo f : entries.value()) {
        String name = f.path().fileName();
        // the Berkeley DB environment and lock files belong to the image's rpm: rpm recreates them
        if (f.isRegular() && !name.startsWith("__db.") && !name.startsWith(".")) {
          Files.copy(files.hostPath(f.path()), copy.resolve(name), LinkOption.NOFOLLOW_LINKS);
        }
      }
      return run(copy);
    } catch (IOException e) {
      return Fact.unknown("rpm database: cannot copy it to read (" + e.getMessage() + ")");
    } finally {
      deleteTree(copy);
    }
  }

  private Fact<String> run(Path dbpath) {
    try {
      Optional<CommandRunner.Result> r = runner.run(List.of("rpm", "--dbpath", dbpath.toString(), "-qa",
          "--nosignature", "--nodigest", "--qf", FORMAT), TIMEOUT);
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

  /* Sample: "P\tcloud-init\t22.2.2-1.amzn2023.0.3\tnoarch\t8" */
  static List<InstalledPackage> parsePackages(String out) {
    List<InstalledPackage> list = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] f = line.split("\t");
      if (f.length >= 4 && f[0].equals("P") && !f[1].isBlank()) {
        list.add(new InstalledPackage(f[1].strip(), f[2].strip(), f[3].strip()));
      }
    }
    return list;
  }

  /* Sample: "F\t/etc/demo/demo.conf\t8d0d…a801\t17\t0" after its package's P line */
  static void parseFiles(String out, PackageFileIndex.Builder index) {
    String owner = null;
    String algorithm = "MD5";
    for (String line : out.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("P") && f.length >= 5) {
        owner = f[1].strip();
        algorithm = ALGORITHMS.getOrDefault(f[4].strip(), "unknown");
      } else if (f[0].equals("F") && f.length >= 5 && owner != null) {
        String path = f[1];
        index.own(path, owner);
        int flags = parseInt(f[3]);
        if ((flags & RPMFILE_CONFIG) != 0) {
          index.conffile(path);
        }
        // a ghost is not in the payload, and a file in any state but "normal" was not installed
        if ((flags & RPMFILE_GHOST) != 0 || !f[4].strip().equals("0")) {
          index.noContent(path);
        } else if (!f[2].isEmpty()) {
          index.digest(path, algorithm, f[2]);
        }
      }
    }
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a private temporary copy: what cannot be deleted stays in the temporary directory
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
