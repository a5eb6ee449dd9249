package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a real Debian root (testing/debian-root.sh: debootstrap with openssh-server, sudo and
 * cloud-init, and no Java at all) with {@code /proc} mounted, driven with {@code chroot}. Closing it
 * unmounts {@code /proc} first and removes the copy without crossing into another filesystem.
 */
final class DebianChroot implements AutoCloseable {

  private final Path dir;
  private final Path root;
  private boolean procMounted;

  private DebianChroot(Path dir) {
    this.dir = dir;
    this.root = dir.resolve("root");
  }

  /** A fresh copy of the debootstrapped root of {@code suite} (bookworm, bullseye, ...). */
  static DebianChroot of(String suite) throws IOException, InterruptedException {
    DebianChroot c = new DebianChroot(Files.createTempDirectory("imageprep-" + suite + "-"));
    try {
      Command copy = Command.run(List.of("bash", Build.REPO.resolve("testing/debian-root.sh").toString(), "--suite",
          suite, c.root.toString()));
      assertThat(copy.exitCode()).as("testing/debian-root.sh --suite " + suite + ": " + copy).isZero();
      c.mountProc();
      return c;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  /** A fresh copy of {@code template}'s root ({@code cp -a}, not into its mounted {@code /proc}). */
  static DebianChroot copyOf(DebianChroot template) throws IOException, InterruptedException {
    DebianChroot c = new DebianChroot(Files.createTempDirectory("imageprep-copy-"));
    try {
      Command copy = Command.run(List.of("cp", "-a", "--one-file-system", template.root.toString(),
          c.root.toString()));
      assertThat(copy.exitCode()).as("copy of " + template.root + ": " + copy).isZero();
      c.mountProc();
      return c;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  // A booted system has /proc; the bundled java finds its runtime through /proc/self/exe.
  private void mountProc() throws IOException, InterruptedException {
    Command proc = Command.run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()));
    assertThat(proc.exitCode()).as("mount /proc: " + proc).isZero();
    procMounted = true;
  }

  /** Copies the built .deb into the root and installs it with the root's own dpkg; fails with dpkg's words. */
  DebianChroot installDeb() throws IOException, InterruptedException {
    Files.copy(Build.DEB, root.resolve("tmp/imageprep.deb"));
    Command install = chroot("dpkg", "-i", "/tmp/imageprep.deb");
    assertThat(install.exitCode()).as("dpkg -i: " + install).isZero();
    return this;
  }

  Path root() {
    return root;
  }

  /** {@code path} inside the root ({@code "etc/group"}). */
  Path path(String path) {
    return root.resolve(path);
  }

  Command chroot(String... command) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of("chroot", root.toString()));
    c.addAll(List.of(command));
    return Command.run(c);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (procMounted) {
      Command umount = Command.run(List.of("umount", root.resolve("proc").toString()));
      procMounted = umount.exitCode() != 0;
    }
    if (!procMounted) { // never remove a tree with the host's /proc still mounted in it
      Command.run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
    }
  }
}
