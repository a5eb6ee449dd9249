package dev.imageprep.rules.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cloud-init's merge: later files win, lists are replaced whole, mappings merge key by key. */
class CloudInitConfigTest {

  @Test
  void laterFilesWinAndMappingsMerge() {
    CloudInitConfig cfg = CloudInitConfig.merge(List.of(
        new CloudInitConfig.Part(ImagePath.of("/etc/cloud/cloud.cfg"), Map.of(
            "cloud_init_modules", List.of("seed_random", "ssh"),
            "system_info", Map.of("default_user", Map.of("name", "admin"), "distro", "debian"))),
        new CloudInitConfig.Part(ImagePath.of("/etc/cloud/cloud.cfg.d/90-site.cfg"), Map.of(
            "cloud_init_modules", List.of("seed_random"),
            "system_info", Map.of("default_user", Map.of("shell", "/bin/bash"))))));

    assertThat(cfg.values().get("cloud_init_modules")).isEqualTo(List.of("seed_random"));
    assertThat(cfg.source("cloud_init_modules")).isEqualTo("/etc/cloud/cloud.cfg.d/90-site.cfg");
    assertThat(cfg.values().get("system_info")).isEqualTo(Map.of("distro", "debian",
        "default_user", Map.of("name", "admin", "shell", "/bin/bash")));
    assertThat(cfg.files()).hasSize(2);
    assertThat(cfg.has("ssh_genkeytypes")).isFalse();
  }
}
