package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The .deb on a Debian older than the one that builds it: Debian 11 (bullseye), glibc 2.31 — older than
 * the glibc 2.34 that a runtime linked from Debian 12's JDK needs, newer than the 2.26 floor that
 * {@link GlibcFloorIT} checks symbol by symbol. Older suites are no longer on Debian's mirrors.
 */
@Tag("debootstrap")
class OlderDebianIT {

  @BeforeEach
  void needsRoot() {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and dpkg need root");
  }

  @Test
  void installsAndChecksOnDebian11WithGlibc231() throws Exception {
    try (DebianChroot bullseye = DebianChroot.of("bullseye")) {
      assertThat(bullseye.chroot("ldd", "--version").output()).as("bullseye's glibc").contains("2.31");
      bullseye.installDeb();

      Command version = bullseye.chroot("env", "IMAGEPREP_JAVA_OPTIONS=-XX:AOTMode=on", "imageprep", "--version");

      assertThat(version.exitCode()).as(version.toString()).isZero();
      assertThat(version.output()).startsWith("imageprep " + Build.VERSION + "\n");
      DebInstallIT.assertChecks(bullseye);
    }
  }
}
