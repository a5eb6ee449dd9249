package dev.imageprep.agent.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.InstalledPackage;
import org.junit.jupiter.api.Test;

/** Found while stamping the Debian test root: 184 packages in its status file, 183 reported. */
class DpkgDatabaseTest {

  @Test
  void theLastStanzaCountsWithOrWithoutATrailingBlankLine() {
    String status = "Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nStatus: install ok installed\n"
        + "Version: 2\n";

    assertThat(DpkgDatabase.parse(status).installed()).extracting(InstalledPackage::name).containsExactly("a", "b");
    assertThat(DpkgDatabase.parse(status + "\n").installed()).extracting(InstalledPackage::name).containsExactly("a", "b");
  }
}
