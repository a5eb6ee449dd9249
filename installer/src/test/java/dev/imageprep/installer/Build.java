package dev.imageprep.installer;

import java.nio.file.Path;

/** Where the build put what the integration tests judge (set by failsafe in installer/pom.xml). */
final class Build {

  static final Path TARGET = Path.of(System.getProperty("imageprep.target", "target")).toAbsolutePath();
  static final Path REPO = Path.of(System.getProperty("imageprep.repo", "..")).toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("imageprep.version", "0.1.0");
  static final Path APP = TARGET.resolve("imageprep");
  static final Path DEB = TARGET.resolve("imageprep_" + VERSION + "-1_amd64.deb");
  static final Path RPM = TARGET.resolve("imageprep-" + VERSION + "-1.x86_64.rpm");
  static final Path TARBALL = TARGET.resolve("imageprep-" + VERSION + "-linux-x64.tar.gz");
  static final Path ZIP = TARGET.resolve("imageprep-" + VERSION + "-windows.zip");
  static final Path PACKAGING = REPO.resolve("installer/src/main/packaging");

  private Build() {}
}
