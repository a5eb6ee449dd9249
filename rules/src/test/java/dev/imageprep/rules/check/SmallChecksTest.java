package dev.imageprep.rules.check;

import static dev.imageprep.rules.check.CheckTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The check types whose logic fits in a few cases each. */
class SmallChecksTest {

  private final FakeHost host = new FakeHost();

  @Nested
  class ConfigValues {
    private final ConfigValuesCheck check = new ConfigValuesCheck();
    private final ConfigValuesCheck.Params params = new ConfigValuesCheck.Params("/etc/pcoip-agent/pcoip-agent.conf",
        Map.of("pcoip.enable_aes_128_gcm", "0"), Map.of("pcoip.enable_aes_128_gcm", "1"), true);

    @Test
    void anUnsetKeyTakesItsDefault() {
      host.files.file("/etc/pcoip-agent/pcoip-agent.conf", "# defaults\npcoip.maximum_frame_rate = 30\n");
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.evidence()).singleElement().satisfies(e -> assertThat(e.detail()).contains("not set, default 1"));
    }

    @Test
    void anExplicitValuePassesWithItsLine() {
      host.files.file("/etc/pcoip-agent/pcoip-agent.conf", "x = 1\n  pcoip.enable_aes_128_gcm = \"0\"\n");
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.PASS);
      assertThat(o.evidence().get(0).line()).isEqualTo(2);
    }

    @Test
    void aMissingFileMeansNotInstalled() {
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void anUnreadableFileIsUnknown() {
      host.files.file("/etc/pcoip-agent/pcoip-agent.conf", "x").unreadable("/etc/pcoip-agent");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class UnitEnabled {
    private final UnitEnabledCheck check = new UnitEnabledCheck();
    private final UnitEnabledCheck.Params params = new UnitEnabledCheck.Params(List.of("imageprep-sudo-revoke.service"));

    @Test
    void installedButDisabledFails() {
      host.unit("imageprep-sudo-revoke.service", "disabled");
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.evidence()).extracting("kind").containsExactly("unit-not-enabled");
    }

    @Test
    void enabledPasses() {
      host.unit("imageprep-sudo-revoke.service", "enabled");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void unreadableUnitsAreUnknown() {
      host.unitsReadable = Fact.unknown("permission denied");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class MountOptions {
    private final MountOptionsCheck check = new MountOptionsCheck();
    private final MountOptionsCheck.Params params = new MountOptionsCheck.Params("/tmp", List.of("noexec"));

    private MountEntry mount(String at, String... options) {
      return new MountEntry(ImagePath.of(at), "src", "ext4", List.of(options), "fstab");
    }

    @Test
    void aNoexecTmpFails() {
      host.mounts = Fact.known(List.of(mount("/", "rw"), mount("/tmp", "rw", "nosuid", "noexec")));
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.message()).contains("noexec");
    }

    @Test
    void tmpInheritsTheRootFilesystemsOptions() {
      host.mounts = Fact.known(List.of(mount("/", "rw", "noexec")));
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.FAIL);
      host.mounts = Fact.known(List.of(mount("/", "rw", "noexec"), mount("/tmp", "rw")));
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void anUnreadableMountTableIsUnknown() {
      host.mounts = Fact.unknown("/proc is not mounted");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class PathsAbsent {
    private final PathsAbsentCheck check = new PathsAbsentCheck();

    @Test
    void findsPatternsAndSaysWhatTheyAre() {
      host.files.dir("/opt/aws/opsworks").file("/etc/monit.d/opsworks-agent.monitrc", "x");
      Outcome o = check.evaluate(new PathsAbsentCheck.Params(List.of("/opt/aws/opsworks", "/etc/monit*/opsworks-agent.monitrc",
          "/var/chef"), "OpsWorks state"), context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.evidence()).extracting("path").containsExactly("/opt/aws/opsworks", "/etc/monit.d/opsworks-agent.monitrc");
      assertThat(check.resolvableByCleanup()).isTrue();
    }

    @Test
    void anUnreadableDirectoryIsUnknown() {
      host.files.dir("/etc/monit.d").unreadable("/etc");
      Outcome o = check.evaluate(new PathsAbsentCheck.Params(List.of("/etc/*/opsworks-agent.monitrc"), null),
          context(host));
      assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class PackagesAbsent {
    private final PackagesAbsentCheck check = new PackagesAbsentCheck();

    @Test
    void namesInstalledPackages() {
      host.packages("bash", "chef");
      Outcome o = check.evaluate(new PackagesAbsentCheck.Params(List.of("opsworks-agent-ruby", "chef")), context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.evidence()).extracting("detail").containsExactly("chef 1.0");
      host.packages = Fact.unknown("rpm missing");
      assertThat(check.evaluate(new PackagesAbsentCheck.Params(List.of("chef")), context(host)).status())
          .isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class HostKeyRegeneration {
    private final HostKeyRegenerationCheck check = new HostKeyRegenerationCheck();
    private final HostKeyRegenerationCheck.Params params = new HostKeyRegenerationCheck.Params(null, null, null);

    @Test
    void withoutAnSshServerThereIsNothingToRegenerate() {
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void debianWithoutCloudInitFails() {
      host.packages("openssh-server");
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.message()).contains("without a working sshd");
    }

    @Test
    void cloudInitsSshModulePasses() {
      host.packages("openssh-server", "cloud-init");
      host.cloudConfig(Map.of("cloud_init_modules", List.of("seed_random", List.of("ssh", "always"))));
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.PASS);
      assertThat(o.evidence()).extracting("detail").containsExactly("the ssh module is in cloud_init_modules");
      host.files.file("/etc/cloud/cloud-init.disabled", "");
      assertThat(check.evaluate(params, context(host)).status()).as("cloud-init disabled").isEqualTo(Status.FAIL);
    }

    @Test
    void emptyKeyTypesOrFixedKeysFail() {
      host.packages("openssh-server", "cloud-init");
      Map<String, Object> cfg = new java.util.HashMap<>(Map.of("cloud_final_modules", List.of("cc_ssh")));
      cfg.put("ssh_genkeytypes", null);
      host.cloudConfig(cfg);
      assertThat(check.evaluate(params, context(host)).evidence()).extracting("kind").containsExactly(
          "cloud-init-no-key-types", "no-keygen");
      host.cloudConfig(Map.of("cloud_init_modules", List.of("ssh"), "ssh_keys", Map.of("rsa_private", "(redacted)")));
      assertThat(check.evaluate(params, context(host)).evidence()).extracting("kind").contains("cloud-init-fixed-keys");
    }

    @Test
    void anUnreadableConfigurationIsUnknown() {
      host.packages("openssh-server", "cloud-init");
      host.cloudInit = Fact.unknown("/etc/cloud/cloud.cfg.d/99.cfg: not valid YAML");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aKeygenUnitPasses() {
      host.packages("openssh-server");
      host.unit("sshd-keygen@.service", "static", "/usr/libexec/openssh/sshd-keygen %i");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.PASS);
    }
  }

  @Nested
  class FileMatches {
    private final FileMatchesCheck check = new FileMatchesCheck();
    private final FileMatchesCheck.Params params = new FileMatchesCheck.Params(List.of(
        new FileMatchesCheck.Alternative("/etc/yum.conf", "^\\s*releasever\\s*=\\s*\\S+"),
        new FileMatchesCheck.Alternative("/etc/dnf/vars/releasever", null)));

    @Test
    void anyAlternativeWillDo() {
      host.files.file("/etc/yum.conf", "[main]\ngpgcheck=1\n");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.FAIL);
      host.files.file("/etc/yum.conf", "[main]\nreleasever=2018.03\n");
      Outcome o = check.evaluate(params, context(host));
      assertThat(o.status()).isEqualTo(Status.PASS);
      assertThat(o.evidence().get(0).line()).isEqualTo(2);
    }

    @Test
    void anExistingFileWithoutPatternWillDo() {
      host.files.file("/etc/dnf/vars/releasever", "2023.6.20241212\n");
      assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.PASS);
    }
  }

  @Nested
  class PackageUpdates {
    private final PackageUpdatesCheck check = new PackageUpdatesCheck();

    @Test
    void pendingUpdatesFailAndNameThePackages() {
      host.updates = Fact.known(new PendingUpdates("yum check-update", List.of("kernel.x86_64 5.10.230")));
      Outcome o = check.evaluate(new PackageUpdatesCheck.Params(null), context(host));
      assertThat(o.status()).isEqualTo(Status.FAIL);
      assertThat(o.evidence()).extracting("detail").containsExactly("kernel.x86_64 5.10.230");
      assertThat(o.data().keySet()).as("the same key order in every run's report").containsExactly("pending", "tool");
      host.updates = Fact.unknown("repositories unreachable");
      assertThat(check.evaluate(new PackageUpdatesCheck.Params(null), context(host)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theMessageSaysHowManyOfThePendingUpdatesTheEvidenceLists() {
      List<String> pending = new java.util.ArrayList<>();
      for (int i = 0; i < 115; i++) {
        pending.add("pkg-" + i);
      }
      host.updates = Fact.known(new PendingUpdates("apt-get -s upgrade", pending));
      Outcome o = check.evaluate(new PackageUpdatesCheck.Params(null), context(host));
      assertThat(o.evidence()).hasSize(20);
      assertThat(o.message()).isEqualTo("115 package update(s) pending (apt-get -s upgrade); the first 20 are listed");
      host.updates = Fact.known(new PendingUpdates("apt-get -s upgrade", pending.subList(0, 3)));
      assertThat(check.evaluate(new PackageUpdatesCheck.Params(null), context(host)).message())
          .isEqualTo("3 package update(s) pending (apt-get -s upgrade)");
    }
  }
}
