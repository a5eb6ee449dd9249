package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackagedPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The packaged paths of one image, from every package database it has, keyed by the image's real
 * path. Digests are compared on demand, each file at most once per run.
 */
final class PackageFileIndex implements PackageFiles {

  /** What the databases say about one path; mutable only while the index is built. */
  static final class Entry {
    private final List<String> owners = new ArrayList<>(1);
    private String algorithm;
    private byte[] digest;
    private boolean conffile;
    private boolean noContent;
  }

  private final RootedFiles files;
  private final NavigableMap<String, Entry> entries;
  private final Map<String, Fact<Integrity>> checked = new ConcurrentHashMap<>();

  private PackageFileIndex(RootedFiles files, NavigableMap<String, Entry> entries) {
    this.files = files;
    this.entries = entries;
  }

  static Builder builder(RootedFiles files) {
    return new Builder(files);
  }

  @Override
  public Optional<PackagedPath> find(ImagePath path) {
    Entry e = entries.get(path.toString());
    return e == null ? Optional.empty() : Optional.of(packaged(path.toString(), e));
  }

  @Override
  public List<PackagedPath> below(ImagePath directory) {
    List<PackagedPath> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : range(directory).entrySet()) {
      out.add(packaged(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public boolean ownsBelow(ImagePath directory) {
    return !range(directory).isEmpty();
  }

  private NavigableMap<String, Entry> range(ImagePath directory) {
    String prefix = directory.isRoot() ? "/" : directory + "/";
    // '0' is the character after '/': the range holds exactly the paths that start with the prefix
    return entries.subMap(prefix, true, prefix.substring(0, prefix.length() - 1) + "0", false);
  }

  private static PackagedPath packaged(String path, Entry e) {
    return new PackagedPath(ImagePath.of(path), e.owners, e.conffile);
  }

  @Override
  public Fact<Integrity> integrity(ImagePath path) {
    Entry e = entries.get(path.toString());
    if (e == null) {
      return Fact.known(Integrity.NOT_PACKAGED);
    }
    if (e.noContent) {
      return Fact.known(Integrity.NOT_RECORDED); // not expected on disk, so neither missing nor changed
    }
    return checked.computeIfAbsent(path.toString(), k -> compare(path, e));
  }

  private Fact<Integrity> compare(ImagePath path, Entry e) {
    Fact<Optional<FileInfo>> stat = files.stat(path);
    if (!stat.isKnown()) {
      return Fact.unknown(stat.reason());
    }
    if (stat.value().isEmpty()) {
      return Fact.known(Integrity.MISSING);
    }
    if (e.digest == null) {
      return Fact.known(Integrity.NOT_RECORDED);
    }
    if (!stat.value().get().isRegular()) {
      return Fact.known(Integrity.CHANGED); // the package installed a regular file here
    }
    try (InputStream in = Files.newInputStream(files.hostPath(path), LinkOption.NOFOLLOW_LINKS)) {
      MessageDigest md = MessageDigest.getInstance(e.algorithm);
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return Fact.known(MessageDigest.isEqual(md.digest(), e.digest) ? Integrity.UNCHANGED : Integrity.CHANGED);
    } catch (IOException ex) {
      return Fact.unknown(RootedFiles.describe(ex, path));
    } catch (NoSuchAlgorithmException ex) {
      return Fact.unknown(path + ": digest " + e.algorithm + " is not available here");
    }
  }

  /** Collects what the databases list, resolving each listed path's directories once. */
  static final class Builder {
    private final RootedFiles files;
    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private final Map<String, String> realDirs = new HashMap<>();
    private final Map<String, Entry> byListed = new HashMap<>();
    private final Map<String, String> ownerNames = new HashMap<>();

    private Builder(RootedFiles files) {
      this.files = files;
    }

    /** Records that {@code owner} lists {@code listed} (a path as the database writes it). */
    void own(String listed, String owner) {
      Entry e = entry(listed);
      if (e != null && !e.owners.contains(owner)) {
        e.owners.add(ownerNames.computeIfAbsent(owner, k -> k)); // one string per package, not per path
      }
    }

    /**
     * Records the digest of a packaged file's content.
     *
     * @param algorithm a {@link MessageDigest} name ({@code MD5}, {@code SHA-256})
     * @param hex the digest in hexadecimal; a malformed one is ignored (the file then has none)
     */
    void digest(String listed, String algorithm, String hex) {
      Entry e = entry(listed);
      if (e == null) {
        return;
      }
      try {
        e.digest = HexFormat.of().parseHex(hex);
        e.algorithm = algorithm;
      } catch (IllegalArgumentException ex) {
        e.digest = null;
      }
    }

    void conffile(String listed) {
      Entry e = entry(listed);
      if (e != null) {
        e.conffile = true;
      }
    }

    /** The path is packaged but its content is not expected on disk (an rpm ghost, an excluded doc). */
    void noContent(String listed) {
      Entry e = entry(listed);
      if (e != null) {
        e.noContent = true;
      }
    }

    private Entry entry(String listed) {
      Entry known = byListed.get(listed); // .list, .md5sums and conffiles name the same paths
      if (known != null) {
        return known;
      }
      ImagePath path;
      try {
        path = ImagePath.of(listed);
      } catch (IllegalArgumentException e) {
        return null; // not an absolute path: nothing the image can hold
      }
      if (path.isRoot()) {
        return null;
      }
      String dir = realDirs.computeIfAbsent(path.parent().toString(), k -> {
        Fact<ImagePath> real = files.resolve(path.parent());
        return (real.isKnown() ? real.value() : path.parent()).toString();
      });
      Entry e = entries.computeIfAbsent((dir.equals("/") ? "" : dir) + "/" + path.fileName(), k -> new Entry());
      byListed.put(listed, e);
      return e;
    }

    PackageFileIndex build() {
      return new PackageFileIndex(files, entries);
    }
  }
}
