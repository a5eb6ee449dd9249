package dev.imageprep.agent.probe.common;

import static dev.imageprep.agent.testing.Trees.link;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootedFilesTest {

  private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());

  @AfterEach
  void close() throws IOException {
    jimfs.close();
  }

  private Path image() throws IOException {
    return Files.createDirectories(jimfs.getPath("/mnt/image"));
  }

  @Test
  void absoluteLinksResolveInsideTheRootNotOnTheHost() throws IOException {
    Path host = jimfs.getPath("/");
    write(host, "/run/lock/host-only", "host");
    Path root = image();
    write(root, "/run/lock/.skylight.domain-join.lock", "");
    link(root, "/var/lock", "/run/lock");
    RootedFiles files = new RootedFiles(root);

    assertThat(files.resolve(ImagePath.of("/var/lock/.skylight.domain-join.lock")).value())
        .hasToString("/run/lock/.skylight.domain-join.lock");
    assertThat(files.list(ImagePath.of("/var/lock")).value()).extracting(f -> f.path().toString())
        .containsExactly("/run/lock/.skylight.domain-join.lock");
    assertThat(files.stat(ImagePath.of("/var/lock/host-only")).value()).isEmpty();
  }

  @Test
  void dotDotInLinksStopsAtTheRoot() throws IOException {
    Path root = image();
    write(root, "/etc/passwd", "image-passwd");
    write(jimfs.getPath("/"), "/etc/passwd", "host-passwd");
    link(root, "/tmp/up", "../../../../../../etc");
    RootedFiles files = new RootedFiles(root);

    assertThat(files.readText(ImagePath.of("/tmp/up/passwd"), 100).value()).contains("image-passwd");
  }

  @Test
  void statNeverFollowsTheLastComponent() throws IOException {
    Path root = image();
    write(root, "/srv/data", "0123456789");
    link(root, "/etc/ssh/ssh_host_rsa_key", "/srv/data");
    RootedFiles files = new RootedFiles(root);

    FileInfo info = files.stat(ImagePath.of("/etc/ssh/ssh_host_rsa_key")).value().orElseThrow();
    assertThat(info.type()).isEqualTo(FileType.SYMLINK);
    assertThat(info.linkTarget()).isEqualTo("/srv/data");
    assertThat(info.size()).isZero();
  }

  @Test
  void symlinkLoopsAreUnknownNotAHang() throws IOException {
    Path root = image();
    link(root, "/a", "/b");
    link(root, "/b", "/a");
    RootedFiles files = new RootedFiles(root);
    assertThat(files.resolve(ImagePath.of("/a/x")).isKnown()).isFalse();
    assertThat(files.resolve(ImagePath.of("/a/x")).reason()).contains("too many levels");
    assertThat(files.stat(ImagePath.of("/a/x")).isKnown()).isFalse();
  }

  @Test
  void missingPathsAreKnownAbsent() throws IOException {
    RootedFiles files = new RootedFiles(image());
    assertThat(files.stat(ImagePath.of("/nope/deeper")).value()).isEmpty();
    assertThat(files.list(ImagePath.of("/nope")).value()).isEmpty();
    assertThat(files.readText(ImagePath.of("/nope"), 10).value()).isEmpty();
  }

  @Test
  void imagePathMapsHostPathsBackAndRefusesOutsiders() throws IOException {
    Path root = image();
    RootedFiles files = new RootedFiles(root);
    assertThat(files.imagePath(root.resolve("etc/hosts"))).contains(ImagePath.of("/etc/hosts"));
    assertThat(files.imagePath(root)).contains(ImagePath.ROOT);
    assertThat(files.imagePath(jimfs.getPath("/mnt/other"))).isEmpty();
  }

  @Test
  void readTextStopsAtTheLimit() throws IOException {
    Path root = image();
    write(root, "/big", "x".repeat(10_000));
    assertThat(new RootedFiles(root).readText(ImagePath.of("/big"), 100).value().orElseThrow()).hasSize(100);
  }

  /** On a real tree: a FIFO is typed as such (so nobody opens it), hard links are counted. */
  @Test
  void realTreeTypesAndLinkCounts(@TempDir Path root) throws Exception {
    write(root, "/k/key", "KEY");
    Files.createLink(root.resolve("k/alias"), root.resolve("k/key"));
    dev.imageprep.agent.testing.Trees.fifo(root, "/k/pipe");
    RootedFiles files = new RootedFiles(root);
    List<FileInfo> list = files.list(ImagePath.of("/k")).value();
    assertThat(list).extracting(FileInfo::type).containsExactly(FileType.REGULAR, FileType.REGULAR, FileType.FIFO);
    assertThat(list.get(0).links()).isEqualTo(2);
    assertThat(files.readText(ImagePath.of("/k/pipe"), 10).value()).as("never opened").isEqualTo(Optional.empty());
    assertThat(files.treeBytes(ImagePath.of("/k")).value()).isEqualTo(6);
  }
}
