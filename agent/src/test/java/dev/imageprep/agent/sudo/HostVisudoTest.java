package dev.imageprep.agent.sudo;

import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This machine's real visudo judging a mounted image's sudoers through the private copy: includes
 * resolve inside the image, never to this machine's files, and the image's own visudo never runs.
 * CI installs sudo, so visudo is there.
 */
class HostVisudoTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path scratch;

  @BeforeEach
  void image() throws IOException {
    assumeTrue(HostVisudo.PLACES.stream().anyMatch(p -> Files.isExecutable(Path.of(p))),
        "this machine's visudo (apt-get install sudo; .ci/run does)");
    root = Files.createDirectories(tmp.resolve("image"));
    scratch = Files.createDirectories(tmp.resolve("scratch"));
    write(root, "/etc/sudoers", "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n"
        + "# See sudoers(5) for more information on \"@include\" directives:\n@includedir /etc/sudoers.d\n");
    Files.createDirectories(root.resolve("etc/sudoers.d"));
    // what a hostile image puts where a careless tool would run it as root
    Path visudo = write(root, "/usr/sbin/visudo", "#!/bin/sh\ntouch " + tmp.resolve("image-visudo-ran") + "\nexit 0\n");
    Files.setPosixFilePermissions(visudo, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private HostVisudo judge() {
    return new HostVisudo(new RootedFiles(root), true, new ProcessCommandRunner(),
        HostVisudo.PLACES.stream().map(Path::of).toList(), scratch);
  }

  @Test
  void acceptsAValidConfigurationAndLeavesNoCopyBehind() throws IOException {
    write(root, "/etc/sudoers.d/90-cloud-init-users", "admin ALL=(ALL) NOPASSWD:ALL\n");

    assertThat(judge().check(Optional.empty())).isEmpty();
    assertThat(judge().check(Optional.of(ImagePath.of("/etc/sudoers.d/90-cloud-init-users")))).isEmpty();
    assertThat(scratch).isEmptyDirectory();
    assertThat(tmp.resolve("image-visudo-ran")).as("the image's visudo never runs").doesNotExist();
  }

  @Test
  void judgesTheImagesDropInsNotThisMachinesAndNamesThemAsTheImageDoes() throws IOException {
    write(root, "/etc/sudoers.d/broken", "admin ALL=(ALL\n");

    Optional<String> verdict = judge().check(Optional.empty());

    assertThat(verdict).hasValueSatisfying(v -> assertThat(v).contains("/etc/sudoers.d/broken:1")
        .doesNotContain(scratch.toString()));
    assertThat(tmp.resolve("image-visudo-ran")).doesNotExist();
  }

  @Test
  void absoluteLinksAndIncludesResolveInsideTheImage() throws IOException {
    // this machine has neither /etc/sudoers.local nor /opt/imageprep-test-sudoers.d: read there, the first
    // include would fail and the broken drop-in would go unseen
    write(root, "/etc/sudoers", "root ALL=(ALL:ALL) ALL\n@include /etc/sudoers.local\n@include relative\n"
        + "@includedir /etc/sudoers.d\n");
    write(root, "/etc/sudoers.local", "Defaults mail_badpass\n");
    write(root, "/etc/relative", "Defaults use_pty\n");
    Files.delete(root.resolve("etc/sudoers.d"));
    link(root, "/etc/sudoers.d", "/opt/imageprep-test-sudoers.d");
    write(root, "/opt/imageprep-test-sudoers.d/ok", "admin ALL=(ALL) ALL\n");
    assertThat(judge().check(Optional.empty())).isEmpty();

    write(root, "/opt/imageprep-test-sudoers.d/zz-broken", "admin ALL=(ALL\n");
    assertThat(judge().check(Optional.empty())).hasValueSatisfying(v ->
        assertThat(v).contains("/etc/sudoers.d/zz-broken:1"));
  }

  @Test
  void aHostNameInAnIncludeIsNotGuessed() throws IOException {
    write(root, "/etc/sudoers", "root ALL=(ALL:ALL) ALL\n@include /etc/sudoers.%h\n");

    assertThat(judge().check(Optional.empty())).hasValueSatisfying(v ->
        assertThat(v).contains("/etc/sudoers:2").contains("%h"));
  }

  @Test
  void withoutAVisudoHereThereIsNoJudge() {
    HostVisudo none = new HostVisudo(new RootedFiles(root), true, new ProcessCommandRunner(),
        List.of(tmp.resolve("no/visudo")), scratch);

    assertThat(none.unavailable()).hasValueSatisfying(v -> assertThat(v).contains("no visudo")
        .contains("never runs the image's own visudo"));
    assertThat(none.check(Optional.empty())).isPresent();
    assertThat(tmp.resolve("image-visudo-ran")).doesNotExist();
  }
}
