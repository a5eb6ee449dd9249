package dev.imageprep.agent.run;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.linux.LinuxHost;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.Platform;
import java.nio.file.Path;

/** Builds the facts for an image root. A fresh opener gives fresh caches, which the verify step needs. */
public interface HostOpener {

  /**
   * @param root the image's root directory, real (symlinks resolved)
   * @param offline true for a mounted image ({@code --root}), false for the running system
   */
  Opened open(Path root, boolean offline);

  /** The facts and the file view the cleanup acts through. */
  record Opened(HostFacts facts, RootedFiles files) {}

  /** This opener, with probes that report long walks (secret scans) to {@code progress}. */
  default HostOpener withProgress(Progress progress) {
    return this;
  }

  /** The standard opener: Linux probes over the real filesystem. */
  static HostOpener standard(AgentEnvironment env) {
    return new Standard(env, Progress.NONE);
  }

  /** Linux probes over the environment's filesystem. */
  record Standard(AgentEnvironment env, Progress progress) implements HostOpener {
    @Override
    public Opened open(Path root, boolean offline) {
      RootedFiles files = new RootedFiles(root);
      String hostname = offline ? null : hostname(env);
      HostInfo info = new HostInfo(Platform.LINUX, root.toString(), offline, hostname);
      return new Opened(new LinuxHost(info, files, env.runner(), progress), files);
    }

    @Override
    public HostOpener withProgress(Progress newProgress) {
      return new Standard(env, newProgress);
    }
  }

  private static String hostname(AgentEnvironment env) {
    String h = env.env().get("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return java.nio.file.Files.readString(env.fileSystem().getPath("/proc/sys/kernel/hostname")).strip();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
