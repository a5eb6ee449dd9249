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
   * @return paths owned by installed packages that lie under {@code directory} (as the package
   *     database lists them), or {@code Unknown}
   */
  Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory);
}
