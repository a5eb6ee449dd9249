package dev.imageprep.rules.check;

import static dev.imageprep.rules.check.CheckTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentsPresentCheckTest {

  private final ComponentsPresentCheck check = new ComponentsPresentCheck();
  private final FakeHost host = new FakeHost();
  private final ComponentsPresentCheck.Params params = new ComponentsPresentCheck.Params(List.of(
      new ComponentsPresentCheck.Component("cloud-init", List.of("cloud-init"), List.of("cloud-init.service"), null),
      new ComponentsPresentCheck.Component("Skylight agent", null, List.of("skylight-agent.service"),
          List.of("/usr/lib/skylight"))));

  @Test
  void presentWhenAnyWayOfRecognisingMatches() {
    host.packages("cloud-init");
    host.files.dir("/usr/lib/skylight");
    Outcome o = check.evaluate(params, context(host));
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.evidence()).extracting("detail").contains("cloud-init: package cloud-init 1.0",
        "Skylight agent: path /usr/lib/skylight");
  }

  @Test
  void failsNamingWhatIsMissing() {
    host.unit("cloud-init.service", "enabled");
    Outcome o = check.evaluate(params, context(host));
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).isEqualTo("missing: Skylight agent");
  }

  @Test
  void missingButPartlyUnreadableIsUnknown() {
    host.packages = Fact.unknown("rpm database present but no rpm command");
    host.unitsReadable = Fact.unknown("permission denied: /etc/systemd/system");
    host.files.dir("/usr/lib/skylight");
    Outcome o = check.evaluate(params, context(host));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.message()).contains("cloud-init");
  }
}
