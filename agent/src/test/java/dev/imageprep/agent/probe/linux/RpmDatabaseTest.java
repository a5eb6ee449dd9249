package dev.imageprep.agent.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackageFiles.Integrity;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.PackagedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rpm database (the format Amazon Linux uses), made with rpmbuild and rpm --justdb in an image
 * tree, read back through the probe. Needs the rpm tools, which CI installs.
 */
class RpmDatabaseTest {

  @TempDir
  Path tmp;

  @Test
  void readsPackagesAndOwnedFilesFromAnImagesRpmDatabase() throws Exception {
    assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are needed (apt-get install rpm)");
    Path spec = Files.writeString(tmp.resolve("agent.spec"), """
        Name: opsworks-agent-ruby
        Version: 1.2.3
        Release: 1
        Summary: test package
        License: MIT
        BuildArch: noarch
        %description
        A package that installs a file under /home, as the apps-outside-home rule must notice.
        %install
        mkdir -p %{buildroot}/home/app/bin %{buildroot}/opt/agent
        echo tool > %{buildroot}/home/app/bin/tool
        echo agent > %{buildroot}/opt/agent/agent.rb
        %files
        /home/app/bin/tool
        /opt/agent/agent.rb
        """);
    run("rpmbuild", "--define", "_topdir " + tmp.resolve("top"), "-bb", spec.toString());
    Path rpmFile;
    try (var s = Files.walk(tmp.resolve("top/RPMS"))) {
      rpmFile = s.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
    }
    Path image = Files.createDirectories(tmp.resolve("image"));
    Path db = Files.createDirectories(image.resolve("var/lib/rpm"));
    run("rpm", "--dbpath", db.toString(), "--initdb");
    run("rpm", "--dbpath", db.toString(), "-i", "--justdb", "--nodeps", rpmFile.toString());

    LinuxPackages packages = new LinuxPackages(new RootedFiles(image), new ProcessCommandRunner());
    PackageInventory inventory = packages.installed().value();
    assertThat(inventory.managers()).containsExactly("rpm");
    assertThat(inventory.find("opsworks-agent-ruby")).contains(new InstalledPackage("opsworks-agent-ruby", "1.2.3-1", "noarch"));
    assertThat(packages.ownedPathsUnder(ImagePath.of("/home")).value()).extracting(ImagePath::toString)
        .containsExactly("/home/app/bin/tool");
  }

  @Test
  void indexesFilesWithTheirDigestsWithoutWritingIntoTheImage() throws Exception {
    assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are needed (apt-get install rpm)");
    Path spec = Files.writeString(tmp.resolve("demo.spec"), """
        Name: demo-agent
        Version: 2.0
        Release: 1
        Summary: test package
        License: MIT
        BuildArch: noarch
        %description
        A configuration file, a program, a link and a ghost, as real packages have them.
        %install
        mkdir -p %{buildroot}/etc/demo %{buildroot}/opt/demo
        echo 'token = none' > %{buildroot}/etc/demo/demo.conf
        echo 'program' > %{buildroot}/opt/demo/tool
        ln -s tool %{buildroot}/opt/demo/link
        touch %{buildroot}/opt/demo/state
        %files
        %dir /etc/demo
        %config(noreplace) /etc/demo/demo.conf
        /opt/demo/tool
        /opt/demo/link
        %ghost /opt/demo/state
        """);
    run("rpmbuild", "--define", "_topdir " + tmp.resolve("top"), "-bb", spec.toString());
    Path rpmFile;
    try (var s = Files.walk(tmp.resolve("top/RPMS"))) {
      rpmFile = s.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
    }
    // installed for real into the image tree by this machine's rpm: files and database
    Path image = Files.createDirectories(tmp.resolve("image"));
    run("rpm", "--root", image.toString(), "--dbpath", "/var/lib/rpm", "-i", "--nodeps", "--noscripts",
        rpmFile.toString());
    Files.writeString(image.resolve("etc/demo/demo.conf"), "token = edited\n");
    Path db = image.resolve("var/lib/rpm");
    Files.deleteIfExists(db.resolve("rpmdb.sqlite-shm"));
    String before = listing(db);

    LinuxPackages packages = new LinuxPackages(new RootedFiles(image), new ProcessCommandRunner());
    PackageFiles index = packages.files().value();

    assertThat(index.find(ImagePath.of("/opt/demo/tool"))).map(PackagedPath::owners).contains(List.of("demo-agent"));
    assertThat(index.integrity(ImagePath.of("/opt/demo/tool")).value()).isEqualTo(Integrity.UNCHANGED);
    assertThat(index.find(ImagePath.of("/etc/demo/demo.conf")).get().conffile()).isTrue();
    assertThat(index.integrity(ImagePath.of("/etc/demo/demo.conf")).value()).isEqualTo(Integrity.CHANGED);
    assertThat(index.integrity(ImagePath.of("/opt/demo/link")).value()).isEqualTo(Integrity.NOT_RECORDED);
    assertThat(index.integrity(ImagePath.of("/opt/demo/state")).value()).as("a ghost is not missing")
        .isEqualTo(Integrity.NOT_RECORDED);
    assertThat(packages.installed().value().has("demo-agent")).isTrue();
    assertThat(listing(db)).as("the image's database directory is not written: no -shm, no -wal, same times")
        .isEqualTo(before);
  }

  /** Names, sizes and modification times of a directory's entries. */
  private static String listing(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        sb.append(p.getFileName()).append(' ').append(Files.size(p)).append(' ')
            .append(Files.getLastModifiedTime(p).toInstant()).append('\n');
      }
    }
    return sb.toString();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }
}
