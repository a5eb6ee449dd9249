package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginDefsTest {

  @Test
  void readsTheUidRangeAndIgnoresComments() {
    LoginDefs d = LoginDefs.parse("# UID_MIN 1\nUID_MIN\t\t 500\nUID_MAX 59999\nGID_MIN 500\n");

    assertThat(d).isEqualTo(new LoginDefs(500, 59999));
    assertThat(d.isOrdinary(499)).isFalse();
    assertThat(d.isOrdinary(500)).isTrue();
  }

  @Test
  void fallsBackToShadowUtilsDefaults() {
    assertThat(LoginDefs.parse("UID_MIN lots\n")).isEqualTo(LoginDefs.DEFAULTS);
  }

  @Test
  void theAllowListTakesCommasAndSpaces() {
    RevokeConfig c = RevokeConfig.parse("# sudo-revoke.keep = nobody\nsudo-revoke.keep = ec2-user, ops  admin\n");

    assertThat(c.keep()).isEqualTo(Set.of("ec2-user", "ops", "admin"));
  }
}
