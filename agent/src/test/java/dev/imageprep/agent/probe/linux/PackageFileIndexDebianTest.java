package dev.imageprep.agent.probe.linux;

import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.testing.DebianRoot;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackageFiles.Integrity;
import dev.imageprep.rules.host.PackagedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package file index on the real dpkg database of a debootstrap root, judged by this machine's
 * own {@code dpkg --root R --verify} (the host's binary reading the tree as data, never a chroot).
 */
@Tag("debootstrap")
class PackageFileIndexDebianTest {

  @TempDir
  Path tmp;

  Path root;

  @BeforeEach
  void copy() throws IOException, InterruptedException {
    root = DebianRoot.copyTo(tmp.resolve("debian"));
  }

  @AfterEach
  void removeTree() throws IOException, InterruptedException {
    new ProcessBuilder("rm", "-rf", "--one-file-system", root.toString()).inheritIO().start().waitFor();
  }

  private PackageFiles index() {
    return new LinuxPackages(new RootedFiles(root), new ProcessCommandRunner()).files().value();
  }

  @Test
  void ownersAreFoundAtTheRealPathsOfAMergedUsrTree() {
    PackageFiles index = index();

    // bash lists /bin/bash; with /bin -> usr/bin the file is /usr/bin/bash
    assertThat(index.find(ImagePath.of("/usr/bin/bash"))).map(PackagedPath::owners).contains(java.util.List.of("bash"));
    assertThat(index.find(ImagePath.of("/etc/adduser.conf"))).get().satisfies(p -> {
      assertThat(p.owners()).containsExactly("adduser");
      assertThat(p.conffile()).as("from the status file's Conffiles").isTrue();
    });
    assertThat(index.find(ImagePath.of("/var/cache/apt/archives"))).map(PackagedPath::ownerNames).contains("apt");
    assertThat(index.find(ImagePath.of("/var/cache/debconf/config.dat"))).as("debconf's database is data, not"
        + " a packaged file").isEmpty();
    assertThat(index.find(ImagePath.of("/usr/bin/sh"))).as("dash diverts /bin/sh and still owns it")
        .map(PackagedPath::owners).contains(java.util.List.of("dash"));
    assertThat(index.below(ImagePath.of("/var/cache"))).extracting(p -> p.path().toString())
        .contains("/var/cache/apt", "/var/cache/apt/archives/partial", "/var/cache/debconf", "/var/cache/ldconfig")
        .doesNotContain("/var/cache");
    assertThat(index.integrity(ImagePath.of("/usr/bin/bash")).value()).isEqualTo(Integrity.UNCHANGED);
    assertThat(index.integrity(ImagePath.of("/etc/machine-id")).value()).isEqualTo(Integrity.NOT_PACKAGED);
  }

  @Test
  void changedAndMissingFilesAreExactlyTheOnesDpkgVerifyReports() throws Exception {
    write(root, "/etc/adduser.conf", "# edited by the administrator\n"); // a conffile
    Files.delete(root.resolve("usr/bin/tail"));
    Files.delete(root.resolve("usr/bin/head"));
    Files.createSymbolicLink(root.resolve("usr/bin/head"), Path.of("/bin/true"));
    Files.writeString(root.resolve("usr/share/doc/bash/README"), "changed", StandardCharsets.UTF_8);
    Files.delete(root.resolve("var/cache/adduser")); // a packaged directory
    String database = UsedImage.fingerprint(root.resolve("var/lib/dpkg"));

    PackageFiles index = index();
    Set<String> ours = new TreeSet<>();
    for (PackagedPath p : index.below(ImagePath.ROOT)) {
      Integrity i = index.integrity(p.path()).value();
      if (i == Integrity.CHANGED || i == Integrity.MISSING) {
        ours.add(i.name().toLowerCase(java.util.Locale.ROOT) + " " + p.path());
      }
    }

    assertThat(ours).isEqualTo(dpkgVerify()).contains("changed /etc/adduser.conf", "missing /usr/bin/tail",
        "changed /usr/bin/head", "missing /var/cache/adduser");
    assertThat(index.find(ImagePath.of("/etc/adduser.conf")).get().conffile()).isTrue();
    assertThat(UsedImage.fingerprint(root.resolve("var/lib/dpkg"))).as("read as data, never written")
        .isEqualTo(database);
  }

  /** "??5?????? c /etc/adduser.conf" and "missing     /usr/bin/tail", at the tree's real paths. */
  private Set<String> dpkgVerify() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dpkg", "--root=" + root, "--verify").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    RootedFiles files = new RootedFiles(root);
    Set<String> found = new TreeSet<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      ImagePath listed = ImagePath.of(line.substring(line.indexOf('/')));
      ImagePath real = files.resolve(listed.parent()).value().child(listed.fileName());
      found.add((line.startsWith("missing") ? "missing " : "changed ") + real);
    }
    return found;
  }
}
