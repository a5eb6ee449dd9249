package dev.imageprep.rules.host;

import java.util.List;

/** Facts from the image's package databases (dpkg, rpm). */
public interface PackageProbe {

  /**
   * @return the installed packages; {@code Known} with no managers when the image has no package
   *     database; {@code Unknown} when a database exists but cannot be read
   */
  Fact<PackageInventory> installed();

  /**
   * The index of packaged paths, built once per run on first use.
   *
   * @return the index ({@link PackageFiles#NONE} when the image has no package database), or {@code
   *     Unknown} when a database exists but cannot be read
   */
  Fact<PackageFiles> files();

  /**
   * @return paths owned by installed packages that lie below {@code directory}, or {@code Unknown}
   */
  default Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
    return files().map(index -> index.below(directory).stream().map(PackagedPath::path).toList());
  }
}
