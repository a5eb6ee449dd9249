package dev.imageprep.agent.run;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a {@code --root} that does not look like an operating system's root, before any rule runs:
 * an empty folder (a mount that failed) would otherwise be judged READY, its volume rule measuring
 * the host's disk and its secret scan covering nothing. Every look stays inside the root.
 */
final class RootShape {

  /** A Linux root: os-release (os-release(5) names both places), or both /etc and /usr. */
  private static final List<String> OS_RELEASE = List.of("/etc/os-release", "/usr/lib/os-release");

  /** A Windows system volume. */
  private static final String SYSTEM32 = "/Windows/System32";

  private RootShape() {}

  static void requireOperatingSystem(Path root, String given) {
    RootedFiles files = new RootedFiles(root);
    for (String p : OS_RELEASE) {
      if (isA(files, p, false, given)) {
        return;
      }
    }
    if (isA(files, "/etc", true, given) && isA(files, "/usr", true, given) || isA(files, SYSTEM32, true, given)) {
      return;
    }
    throw AgentException.usage("--root " + given + " does not look like an operating system's root: it has no"
        + " etc/os-release or usr/lib/os-release, no etc/ and usr/, and no Windows/System32 (is the volume"
        + " mounted there?)");
  }

  /** True when the path is there as a directory (or, with {@code directory} false, a file), links followed inside. */
  private static boolean isA(RootedFiles files, String path, boolean directory, String given) {
    Fact<ImagePath> resolved = files.resolve(ImagePath.of(path));
    Fact<Optional<FileInfo>> stat = resolved.isKnown() ? files.stat(resolved.value()) : Fact.unknown(resolved.reason());
    if (!stat.isKnown()) {
      throw AgentException.usage("--root " + given + ": cannot look at " + path + " inside it (" + stat.reason()
          + "); run as root");
    }
    return stat.value().map(f -> directory ? f.isDirectory() : f.isRegular()).orElse(false);
  }
}
