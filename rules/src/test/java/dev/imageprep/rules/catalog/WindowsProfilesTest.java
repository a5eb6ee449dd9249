package dev.imageprep.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.host.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsProfilesTest {

  static final Catalog CATALOG = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of());

  @Test
  void theWorkSpacesProfileHasTheFixedIds() {
    Profile p = CATALOG.resolve("workspaces-windows");
    assertThat(p.platform()).isEqualTo(Platform.WINDOWS);
    assertThat(p.rules()).extracting(RuleEntry::id).contains("profile-size", "system-drive-free-space",
        "service-accounts", "required-components", "not-feature-upgraded", "apps-on-system-drive", "no-secrets-left");
    assertThat(p.cleanupItem("ec2launch-admin-password")).isPresent();
  }

  @Test
  void theEc2ProfileHasTheSeedsRules() {
    Profile p = CATALOG.resolve("ec2-windows");
    assertThat(p.rules()).extracting(RuleEntry::id).contains("required-components", "no-secrets-left",
        "ec2config-settings", "admin-password-policy", "instance-store-data", "pending-reboot", "appx-provisioned",
        "temp-and-recycle-bin-empty");
    assertThat(p.cleanup()).extracting(CleanupEntry::id).contains("windows-temp", "user-temp", "recycle-bin",
        "browser-caches", "ec2launch-admin-password");
  }

  @Test
  void everyWindowsEntryNamesItsSource() {
    for (String id : List.of("windows", "workspaces-windows", "ec2-windows")) {
      Profile p = CATALOG.resolve(id);
      p.rules().forEach(r -> assertThat(r.source()).as(id + " " + r.id()).isNotBlank());
      p.cleanup().forEach(c -> assertThat(c.source()).as(id + " " + c.id()).isNotBlank());
    }
  }

  @Test
  void checkTypesStaySorted() {
    List<String> keys = List.copyOf(CheckTypes.builtIn().keys());
    assertThat(keys).isSorted();
  }
}
