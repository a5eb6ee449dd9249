package dev.imageprep.agent.probe.linux;

import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.HostKeyRegenerationCheck;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-key check on real trees: cloud-init's configuration merged from cloud.cfg and
 * cloud.cfg.d in name order, and its units masked or enabled through /etc/systemd/system and (on a
 * running system) /run/systemd/system, the way systemd and cloud-init read them.
 */
class HostKeyRegenerationOnTreesTest {

  @TempDir
  Path root;

  @BeforeEach
  void debianWithCloudInit() throws IOException {
    write(root, "/var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1\n\n"
        + "Package: cloud-init\nStatus: install ok installed\nVersion: 22.4\n");
    write(root, "/etc/cloud/cloud.cfg", "cloud_init_modules:\n - seed_random\n - ssh\ncloud_config_modules:\n - runcmd\n"
        + "ssh_deletekeys: true\n");
    write(root, "/etc/cloud/cloud.cfg.d/README", "ssh_genkeytypes: []\n"); // not a .cfg: cloud-init ignores it
    for (String unit : List.of("cloud-init.service", "cloud-config.service", "cloud-final.service")) {
      write(root, "/lib/systemd/system/" + unit, "[Service]\nExecStart=/usr/bin/cloud-init\n[Install]\n"
          + "WantedBy=cloud-init.target\n");
      link(root, "/etc/systemd/system/cloud-init.target.wants/" + unit, "/lib/systemd/system/" + unit);
    }
    write(root, "/lib/systemd/system/cloud-init.target", "[Unit]\nDescription=Cloud-init target\n");
  }

  private Outcome judge(boolean offline) {
    LinuxHost host = new LinuxHost(new HostInfo(Platform.LINUX, root.toString(), offline, null), new RootedFiles(root),
        (cmd, timeout) -> Optional.empty());
    return new HostKeyRegenerationCheck().evaluate(new HostKeyRegenerationCheck.Params(null, null, null),
        new CheckContext(host, new CleanupPlan(List.of()), Set.of(), List.of()));
  }

  private Outcome judge() {
    return judge(true);
  }

  private static List<String> kinds(Outcome o) {
    return o.evidence().stream().map(Evidence::kind).toList();
  }

  @Test
  void cloudInitWithItsSshModuleAndEnabledUnitsPasses() {
    Outcome o = judge();
    assertThat(o.status()).as(o.toString()).isEqualTo(Status.PASS);
    assertThat(o.evidence()).extracting(Evidence::detail).containsExactly("the ssh module is in cloud_init_modules",
        "cloud-init.service (enabled) runs it");
  }

  @Test
  void aMaskedStageUnitFails() throws IOException {
    link(root, "/etc/systemd/system/cloud-init.service", "/dev/null");
    Outcome o = judge();
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(kinds(o)).contains("cloud-init-unit-masked");
  }

  @Test
  void aMaskedTargetFails() throws IOException {
    link(root, "/etc/systemd/system/cloud-init.target", "/dev/null");
    assertThat(kinds(judge())).contains("cloud-init-unit-masked");
  }

  @Test
  void aRuntimeMaskCountsOnARunningSystemOnly() throws IOException {
    link(root, "/run/systemd/system/cloud-init.service", "/dev/null");
    assertThat(judge(false).status()).as("live: /run/systemd/system masks it now").isEqualTo(Status.FAIL);
    assertThat(judge(true).status()).as("a mounted image's /run is not what the next boot sees").isEqualTo(Status.PASS);
  }

  @Test
  void aStageUnitThatIsNotEnabledFails() throws IOException {
    Files.delete(root.resolve("etc/systemd/system/cloud-init.target.wants/cloud-init.service"));
    assertThat(kinds(judge())).contains("cloud-init-unit-disabled");
  }

  @Test
  void aDropInThatEmptiesTheKeyTypesFailsAndALaterOneRestoresThem() throws IOException {
    write(root, "/etc/cloud/cloud.cfg.d/50-no-keys.cfg", "ssh_genkeytypes: []\n");
    Outcome o = judge();
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.evidence()).filteredOn(e -> e.kind().equals("cloud-init-no-key-types")).singleElement()
        .satisfies(e -> assertThat(e.path()).isEqualTo("/etc/cloud/cloud.cfg.d/50-no-keys.cfg"));
    write(root, "/etc/cloud/cloud.cfg.d/90-keys.cfg", "ssh_genkeytypes: [ed25519]\n");
    assertThat(judge().status()).as("later files win").isEqualTo(Status.PASS);
  }

  @Test
  void aDropInModuleListWithoutSshFails() throws IOException {
    write(root, "/etc/cloud/cloud.cfg.d/60-modules.cfg", "cloud_init_modules: [seed_random, bootcmd]\n");
    Outcome o = judge();
    assertThat(kinds(o)).contains("cloud-init-ssh-off");
    assertThat(o.evidence().get(0).path()).isEqualTo("/etc/cloud/cloud.cfg.d/60-modules.cfg");
  }

  @Test
  void theSshModuleInAnotherStageNeedsThatStagesUnit() throws IOException {
    write(root, "/etc/cloud/cloud.cfg.d/60-modules.cfg", "cloud_init_modules: [seed_random]\n"
        + "cloud_config_modules: [runcmd, [ssh, always]]\n");
    assertThat(judge().status()).isEqualTo(Status.PASS);
    link(root, "/etc/systemd/system/cloud-config.service", "/dev/null");
    assertThat(kinds(judge())).contains("cloud-init-unit-masked");
  }

  @Test
  void fixedKeysInTheConfigurationFail() throws IOException {
    write(root, "/etc/cloud/cloud.cfg.d/70-keys.cfg", "ssh_keys:\n  ed25519_private: |\n    (a key)\n");
    assertThat(kinds(judge())).contains("cloud-init-fixed-keys");
  }

  @Test
  void aDropInCloudInitCannotParseIsUnknown() throws IOException {
    write(root, "/etc/cloud/cloud.cfg.d/80-broken.cfg", "ssh_genkeytypes: [rsa\n");
    Outcome o = judge();
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.message()).contains("/etc/cloud/cloud.cfg.d/80-broken.cfg");
  }
}
