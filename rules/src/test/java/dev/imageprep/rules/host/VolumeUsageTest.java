package dev.imageprep.rules.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeUsageTest {

  /** The worked example of check-anchors.md: total 100, reserve 5, used 50, available 45. */
  @Test
  void followsDfNotTheRawShare() {
    VolumeUsage u = new VolumeUsage("/", "ext4", 100, 50, 45);
    assertThat(u.usedBytes()).isEqualTo(50);
    assertThat(u.dfPercent()).isCloseTo(52.63, within(0.01));
    assertThat(u.dfPercentShown()).isEqualTo(53);
    assertThat(u.rawPercent()).isCloseTo(50.0, within(0.001));
  }

  @Test
  void readsFullWhenOnlyRootsReserveIsLeft() {
    VolumeUsage u = new VolumeUsage("/", "ext4", 1000, 50, 0);
    assertThat(u.dfPercent()).isEqualTo(100.0);
    assertThat(u.dfPercentShown()).isEqualTo(100);
  }

  @Test
  void anEmptyFilesystemIsZeroPercentNotNaN() {
    assertThat(new VolumeUsage("/", "tmpfs", 0, 0, 0).dfPercent()).isZero();
  }
}
