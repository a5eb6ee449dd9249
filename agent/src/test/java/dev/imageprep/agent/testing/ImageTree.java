package dev.imageprep.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small Debian-like image under a root (a real temp dir or jimfs): os-release, SSH host
 * keys, a package cache, temp files, a machine-id. Enough for every rule of the Linux profiles to
 * have something to judge and every cleanup action something to do.
 */
public final class ImageTree {

  private final Path root;

  private ImageTree(Path root) {
    this.root = root;
  }

  public static ImageTree at(Path root) {
    return new ImageTree(root);
  }

  public Path root() {
    return root;
  }

  /** A Debian 12 system with cloud-init, host keys and leftovers to clean. */
  public ImageTree debian() {
    file("etc/os-release", """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        ID=debian
        """);
    file("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    file("etc/ssh/ssh_host_ed25519_key", "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
        + "-----END OPENSSH PRIVATE KEY-----\n");
    file("etc/ssh/ssh_host_ed25519_key.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample root@build\n");
    file("var/cache/apt/archives/cloud-init_22.4.2_all.deb", "x".repeat(40_000));
    file("var/cache/apt/archives/sudo_1.9.13_amd64.deb", "y".repeat(90_000));
    file("tmp/build.log", "building <the> image & more\n");
    file("var/lib/dpkg/status", """
        Package: cloud-init
        Status: install ok installed
        Architecture: all
        Version: 22.4.2-1+deb12u4

        Package: openssh-server
        Status: install ok installed
        Architecture: amd64
        Version: 1:9.2p1-2+deb12u10

        """);
    file("etc/cloud/cloud.cfg", "cloud_init_modules:\n - ssh\n");
    dir("var/tmp");
    dir("home");
    return this;
  }

  public ImageTree file(String relative, String content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ImageTree dir(String relative) {
    try {
      Files.createDirectories(root.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
