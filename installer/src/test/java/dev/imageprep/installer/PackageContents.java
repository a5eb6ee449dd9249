package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a package puts on a system, unpacked once per test run into {@code target/unpacked/KIND}
 * by the tools that read them for real: {@code dpkg-deb -x}, {@code rpm2cpio | cpio}, {@code tar} and
 * {@code unzip}. The trees are laid out as the package installs them (the .deb and .rpm from {@code /});
 * the archives as they are, top folder included.
 */
enum PackageContents {
  DEB, RPM, TARBALL, ZIP;

  private static final Map<PackageContents, Path> UNPACKED = new HashMap<>();

  /** The unpacked tree, made on first use. */
  synchronized Path root() throws IOException, InterruptedException {
    Path existing = UNPACKED.get(this);
    if (existing != null) {
      return existing;
    }
    Path dir = Build.TARGET.resolve("unpacked").resolve(name().toLowerCase());
    Command.run(List.of("rm", "-rf", dir.toString()));
    Files.createDirectories(dir);
    Command unpack = switch (this) {
      case DEB -> Command.run(List.of("dpkg-deb", "-x", Build.DEB.toString(), dir.toString()));
      case RPM -> Command.run(List.of("sh", "-c", "rpm2cpio \"$1\" | cpio -idm --quiet -D \"$2\"", "sh",
          Build.RPM.toString(), dir.toString()));
      case TARBALL -> Command.run(List.of("tar", "-xzf", Build.TARBALL.toString(), "-C", dir.toString()));
      case ZIP -> Command.run(List.of("unzip", "-q", Build.ZIP.toString(), "-d", dir.toString()));
    };
    assertThat(unpack.exitCode()).as(this + " unpacked: " + unpack).isZero();
    UNPACKED.put(this, dir);
    return dir;
  }

  /**
   * Where {@code path} (absolute, as a program on the installed system would name it) leads inside
   * {@code root}: every symbolic link on the way is followed the way the system would, an absolute
   * target starting again at {@code root}, and nothing ever resolves outside it. Empty when a component
   * is missing.
   */
  static Optional<Path> resolve(Path root, String path) throws IOException {
    Path at = root;
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    for (int links = 0; !todo.isEmpty(); ) {
      String name = todo.removeFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        at = at.equals(root) ? root : at.getParent();
        continue;
      }
      Path next = at.resolve(name);
      if (Files.isSymbolicLink(next)) {
        if (++links > 40) {
          throw new IOException("too many links resolving " + path);
        }
        String target = Files.readSymbolicLink(next).toString();
        List<String> rest = List.of(target.split("/"));
        for (int i = rest.size() - 1; i >= 0; i--) {
          todo.addFirst(rest.get(i));
        }
        at = target.startsWith("/") ? root : at;
        continue;
      }
      if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      at = next;
    }
    return Optional.of(at);
  }
}
