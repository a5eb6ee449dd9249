package dev.imageprep.rules.host;

import java.util.List;
import java.util.Optional;

/**
 * Which installed packages own which paths of the image, and whether a packaged file still holds
 * what its package installed. Built once per run from the image's own package databases (dpkg's file
 * lists, md5sums and conffiles; rpm's file lists and digests), read as data: the image's programs are
 * never run.
 *
 * <p>Paths are the image's real paths, every directory on the way resolved inside the root, as
 * {@link FileInfo#path()} gives them: a Debian package lists {@code /bin/sh}, which is found here as
 * {@code /usr/bin/sh} once {@code /bin} links to {@code usr/bin}.
 */
public interface PackageFiles {

  /** An image without a package database: no path is packaged. */
  PackageFiles NONE = new PackageFiles() {
    @Override
    public Optional<PackagedPath> find(ImagePath path) {
      return Optional.empty();
    }

    @Override
    public List<PackagedPath> below(ImagePath directory) {
      return List.of();
    }

    @Override
    public Fact<Integrity> integrity(ImagePath path) {
      return Fact.known(Integrity.NOT_PACKAGED);
    }
  };

  /** The packages that list this very path, or empty when none does. */
  Optional<PackagedPath> find(ImagePath path);

  /** The packaged paths strictly below a directory, in path order. */
  List<PackagedPath> below(ImagePath directory);

  /** Whether any package lists a path strictly below the directory. */
  default boolean ownsBelow(ImagePath directory) {
    return !below(directory).isEmpty();
  }

  /**
   * Compares the path's current content (never following a symlink at the last component) with the
   * digest its package database recorded.
   *
   * @return how it compares, or {@code Unknown} when the file cannot be read
   */
  Fact<Integrity> integrity(ImagePath path);

  /** How a path compares with what its package installed. */
  enum Integrity {
    /** No package lists the path. */
    NOT_PACKAGED,
    /** Its content still matches the recorded digest: the file as the package shipped it. */
    UNCHANGED,
    /**
     * Packaged, but its content (or type) differs from what was recorded: edited after installation.
     * A conffile the administrator changed is this, with {@link PackagedPath#conffile()} true.
     */
    CHANGED,
    /**
     * Packaged and present (or, for an rpm ghost, not expected), but the database records no digest
     * to compare with: a directory, a symlink.
     */
    NOT_RECORDED,
    /** Packaged, but not in the image (as {@code dpkg --verify} and {@code rpm -V} say "missing"). */
    MISSING
  }
}
