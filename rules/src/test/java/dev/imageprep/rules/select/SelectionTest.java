package dev.imageprep.rules.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private final Profile ec2 = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of()).resolve("ec2-linux");

  @Test
  void defaultsRunEveryRuleAndTheDefaultCleanup() {
    Selection s = Selection.defaults();
    assertThat(s.rules(ec2)).hasSameSizeAs(ec2.rules());
    assertThat(s.cleanup(ec2)).extracting(CleanupEntry::id).contains("ssh-host-keys").doesNotContain("hostname");
  }

  @Test
  void onlySelectsExactlyAndCanEnableOffByDefaultItems() {
    Selection s = new Selection(Set.of("root-volume-usage", "hostname"), Set.of(), Set.of());
    assertThat(s.rules(ec2)).extracting(RuleEntry::id).containsExactly("root-volume-usage");
    assertThat(s.cleanup(ec2)).extracting(CleanupEntry::id).containsExactly("hostname");
  }

  @Test
  void skipAndEnableAdjustTheDefaults() {
    Selection s = new Selection(Set.of(), Set.of("ssh-host-keys", "os-patches"), Set.of("hostname"));
    assertThat(s.cleanup(ec2)).extracting(CleanupEntry::id).contains("hostname").doesNotContain("ssh-host-keys");
    assertThat(s.rules(ec2)).extracting(RuleEntry::id).doesNotContain("os-patches");
  }

  @Test
  void unknownIdsToRunAreErrorsButUnknownSkipsOnlyWarnings() {
    Selection s = new Selection(Set.of("root-volume-usage", "ssh-hostkeys"), Set.of("skylight-keys"), Set.of("nope"));
    assertThat(s.unknownChosenIds(ec2)).containsExactlyInAnyOrder("ssh-hostkeys", "nope");
    assertThat(s.unknownSkippedIds(ec2)).containsExactly("skylight-keys");
  }

  @Test
  void theProfilesCleanupIgnoresOnlyButHonoursSkipAndEnable() {
    Selection s = new Selection(Set.of("no-secrets-left"), Set.of("tmp-files"), Set.of("hostname"));
    assertThat(s.cleanup(ec2)).as("--only picked a rule alone").isEmpty();
    assertThat(s.profileCleanup(ec2)).extracting(CleanupEntry::id).contains("ssh-host-keys", "hostname")
        .doesNotContain("tmp-files");
    assertThat(s.narrowed()).isTrue();
  }
}
