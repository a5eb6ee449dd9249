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
  void unknownIdsAreReportedInOrder() {
    Selection s = new Selection(Set.of("root-volume-usage"), Set.of("ssh-hostkeys"), Set.of("nope"));
    assertThat(s.unknownIds(ec2)).containsExactly("ssh-hostkeys", "nope");
  }
}
