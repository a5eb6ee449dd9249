package dev.imageprep.rules.catalog;

import static dev.imageprep.rules.catalog.CatalogTestSupport.bundledWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private final Catalog catalog = bundledWith();

  /** Bundled files are read lazily at run time, so the build reads and validates every one. */
  @Test
  void everyBundledProfileLoadsAndIsNamedAfterItsFile() {
    Catalog all = bundledWith().loadAll();
    assertThat(all.profileIds()).hasSameSizeAs(Catalog.BUNDLED);
    for (String file : Catalog.BUNDLED) {
      String id = file.substring(file.lastIndexOf('/') + 1).replace(".yaml", "");
      assertThat(all.resolve(id).id()).isEqualTo(id);
    }
  }

  @Test
  void bundledProfilesResolveWithTheirParents() {
    assertThat(catalog.profileIds()).contains("linux", "workspaces-linux", "ec2-linux", "opsworks-linux");
    Profile opsworks = catalog.resolve("opsworks-linux");
    assertThat(opsworks.parent()).isEqualTo("ec2-linux");
    assertThat(opsworks.environment()).isEqualTo("opsworks");
    assertThat(opsworks.rule("tmp-not-noexec").orElseThrow().severity()).as("overridden by the child")
        .isEqualTo(Severity.ERROR);
    assertThat(catalog.resolve("ec2-linux").rule("tmp-not-noexec").orElseThrow().severity())
        .isEqualTo(Severity.WARNING);
    assertThat(opsworks.rule("root-volume-usage")).as("inherited from linux").isPresent();
  }

  @Test
  void theIdsScriptsDependOnExist() {
    Profile ws = catalog.resolve("workspaces-linux");
    for (String id : List.of("root-volume-usage", "required-components", "apps-outside-home", "no-secrets-left")) {
      assertThat(ws.rule(id)).as(id).isPresent();
    }
    for (String id : List.of("ssh-host-keys", "skylight-keys", "skylight-state")) {
      assertThat(ws.cleanupItem(id)).as(id).isPresent();
    }
    assertThat(ws.cleanupItem("skylight-keys").orElseThrow().action()).isEqualTo(ActionKind.SHRED);
    assertThat(ws.cleanupItem("ssh-host-keys").orElseThrow().action()).isEqualTo(ActionKind.SHRED);
  }

  @Test
  void workSpacesNeverTouchesHome() {
    Profile ws = catalog.resolve("workspaces-linux");
    assertThat(ws.userVolumes()).containsExactly(ImagePath.of("/home"));
    for (CleanupEntry c : ws.cleanup()) {
      c.paths().forEach(g -> assertThat(g.toString()).as(c.id()).doesNotStartWith("/home"));
    }
    assertThat(ws.cleanupItem("machine-id")).as("each WorkSpace needs its own id").isPresent();
    assertThat(ws.cleanupItem("authorized-keys").orElseThrow().paths()).extracting(Object::toString)
        .containsExactly("/root/.ssh/authorized_keys");
  }

  @Test
  void theWorkSpacesRemovalListIsCoveredItemByItem() {
    // the WorkSpaces guide's list of what Create Image removes and shreds, except /home (the user volume)
    List<String> seedList = List.of("/tmp", "/var/spool/mail", "/var/tmp", "/var/lib/dhcp", "/var/lib/cloud",
        "/var/cache", "/var/backups", "/etc/sudoers.d", "/etc/udev/rules.d/70-persistent-net.rules",
        "/etc/network/interfaces.d/50-cloud-init.cfg", "/etc/security/access.conf", "/var/log/amazon/ssm",
        "/var/log/pcoip-agent", "/var/log/skylight", "/var/lock/.skylight.domain-join.lock",
        "/var/lib/skylight/domain-join-status", "/var/lib/skylight/configuration-data",
        "/var/lib/skylight/config-data.json", "/etc/ssh/ssh_host_*_key", "/etc/ssh/ssh_host_*_key.pub",
        "/var/lib/skylight/tls.*", "/var/lib/skylight/private.key", "/var/lib/skylight/public.key");
    Set<String> covered = new HashSet<>();
    for (CleanupEntry c : catalog.resolve("workspaces-linux").cleanup()) {
      if (c.enabledByDefault()) {
        c.paths().forEach(g -> covered.add(g.toString()));
      }
    }
    assertThat(covered).containsAll(seedList);
  }

  @Test
  void machineIdIsEmptiedLast() {
    Profile ec2 = catalog.resolve("ec2-linux");
    CleanupEntry machineId = ec2.cleanupItem("machine-id").orElseThrow();
    assertThat(machineId.action()).isEqualTo(ActionKind.RESET_MACHINE_ID);
    assertThat(ec2.cleanup()).allSatisfy(c -> assertThat(c.order()).isLessThanOrEqualTo(machineId.order()));
  }

  @Test
  void overlaysReplaceEntriesByIdAndAddNewOnes() {
    Catalog c = bundledWith("""
        rules:
          - id: root-volume-usage
            title: Root volume is below 80 % full
            severity: warning
            type: volume-usage
            with: {max-percent: 80}
            remediation: Free space.
            source: site policy
        cleanup:
          - id: app-cache
            title: Remove the app's cache
            action: empty-dir
            paths: [/var/cache/myapp]
            default: false
            source: site policy
        """);
    Profile p = c.resolve("ec2-linux");
    assertThat(p.rule("root-volume-usage").orElseThrow().title()).contains("80 %");
    assertThat(p.cleanupItem("app-cache")).isPresent();
    assertThat(p.rules().get(0).id()).as("replaced in place").isEqualTo("root-volume-usage");
  }

  @Test
  void anExtraFileCanDefineAProfileThatExtendsABundledOne() {
    Catalog c = bundledWith("""
        profile: ec2-linux-strict
        title: Strict EC2
        extends: ec2-linux
        remove: [hostname]
        """);
    Profile p = c.resolve("ec2-linux-strict");
    assertThat(p.cleanupItem("hostname")).isEmpty();
    assertThat(p.platform().key()).isEqualTo("linux");
  }

  @Test
  void unknownParentsAndCyclesAreCatalogErrors() {
    assertThatThrownBy(() -> bundledWith("profile: x\ntitle: X\nextends: nowhere\n"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.getMessage())
            .contains("extra1.yaml:3:10").contains("unknown profile 'nowhere'"));
    assertThatThrownBy(() -> bundledWith("profile: a\ntitle: A\nextends: b\n", "profile: b\ntitle: B\nextends: a\n"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("cycle");
    assertThatThrownBy(() -> catalog.resolve("windows-desktop")).isInstanceOf(CatalogException.class)
        .hasMessageContaining("unknown profile");
  }

  @Test
  void aRuleAndACleanupItemCannotShareAnId() {
    assertThatThrownBy(() -> bundledWith("""
        cleanup:
          - id: no-secrets-left
            title: Remove secrets
            action: remove
            paths: [/x]
            default: false
            source: test
        """).resolve("linux")).isInstanceOf(CatalogException.class).hasMessageContaining("names both a rule");
  }

  /** Every entry's source is printed in reports: it must cite public documents, tools or projects. */
  @Test
  void everySourceCitesAPublicDocumentToolOrProject() {
    assertThat(uncitedSources(bundledWith().loadAll())).isEmpty();
  }

  @Test
  void aSourceNamingAProjectFileOrNothingPublicIsFound() {
    Catalog bad = bundledWith("""
        profile: bad-citations
        title: Bad citations
        extends: linux
        rules:
          - id: cites-a-seed
            title: Cites a private seed
            severity: warning
            type: volume-usage
            with: {max-percent: 80}
            remediation: Free space.
            source: seeds/workspaces-create-custom-bundle.md (Requirements)
        cleanup:
          - id: cites-nothing-public
            title: Cites nothing anyone can look up
            action: empty-dir
            paths: [/var/cache/myapp]
            default: false
            source: site policy
        """);
    assertThat(uncitedSources(bad)).containsExactlyInAnyOrder(
        "bad-citations/cites-a-seed: names a file of this project",
        "bad-citations/cites-nothing-public: cites neither a public URL nor a known tool or project: site policy");
  }

  @Test
  void publicCitationAcceptsUrlsToolsAndGitHubRefsOnly() {
    assertThat(PublicCitation.problem("Guide, \"Page\" (Section), https://docs.aws.amazon.com/x.html")).isEmpty();
    assertThat(PublicCitation.problem("virt-sysprep bash-history; chef/bento cleanup.ps1")).isEmpty();
    assertThat(PublicCitation.problem("vagrant-libvirt/vagrant-libvirt#759 (a; b)")).isEmpty();
    assertThat(PublicCitation.problem("  ")).contains("no source");
    assertThat(PublicCitation.problem("see ../shared/research/check-anchors.md")).isPresent();
    assertThat(PublicCitation.problem("docs/safety.md")).isPresent();
    assertThat(PublicCitation.problem("https://libguestfs.org/virt-sysprep.1.html; issue 13")).isPresent();
  }

  private static List<String> uncitedSources(Catalog catalog) {
    List<String> found = new ArrayList<>();
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      p.rules().forEach(r -> PublicCitation.problem(r.source())
          .ifPresent(m -> found.add(id + "/" + r.id() + ": " + m)));
      p.cleanup().forEach(c -> PublicCitation.problem(c.source())
          .ifPresent(m -> found.add(id + "/" + c.id() + ": " + m)));
    }
    return found;
  }
}
