package dev.imageprep.rules.check;

import static dev.imageprep.rules.check.CheckTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import org.junit.jupiter.api.Test;

class VolumeUsageCheckTest {

  private final VolumeUsageCheck check = new VolumeUsageCheck();
  private final FakeHost host = new FakeHost();

  private Outcome run(long total, long free, long avail) {
    host.volume = Fact.known(new VolumeUsage("/", "ext4", total, free, avail));
    return check.evaluate(new VolumeUsageCheck.Params("/", 97.0), context(host));
  }

  @Test
  void passesBelowTheLimitAndReportsTheRawNumbers() {
    Outcome o = run(1000, 500, 450);
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.data()).containsEntry("usedBytes", 500L).containsEntry("availableBytes", 450L)
        .containsEntry("dfPercent", 53).containsEntry("maxPercent", 97.0);
  }

  @Test
  void usesDfsFormulaSoTheReserveCountsAgainstTheImage() {
    // raw use is 95 % (below 97), but with the 5 % root reserve gone df shows 100 %
    Outcome o = run(1000, 50, 0);
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).contains("100.00 %").contains("free");
  }

  @Test
  void failsExactlyAtTheLimit() {
    assertThat(run(100, 3, 3).status()).as("97 % is not below 97 %").isEqualTo(Status.FAIL);
    assertThat(run(10_000, 301, 301).status()).isEqualTo(Status.PASS);
  }

  @Test
  void saysHowMuchToFree() {
    VolumeUsage u = new VolumeUsage("/", "ext4", 1000, 10, 10);
    long free = VolumeUsageCheck.bytesToFree(u, 97.0);
    VolumeUsage after = new VolumeUsage("/", "ext4", 1000, 10 + free, 10 + free);
    assertThat(after.dfPercent()).isLessThan(97.0);
  }

  @Test
  void anUnmeasurableVolumeIsUnknownNeverPass() {
    host.volume = Fact.unknown("statvfs failed: permission denied");
    Outcome o = check.evaluate(new VolumeUsageCheck.Params(null, null), context(host));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.message()).contains("permission denied");
  }
}
