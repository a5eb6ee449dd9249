package dev.imageprep.agent.run;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.common.StateDirectory;
import dev.imageprep.agent.probe.common.StoreVolumes;
import dev.imageprep.agent.probe.linux.LinuxHost;
import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import dev.imageprep.agent.probe.windows.WindowsEntries;
import dev.imageprep.agent.probe.windows.WindowsHost;
import dev.imageprep.agent.probe.windows.WindowsStateDirectory;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.Platform;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the facts for an image root. A fresh opener gives fresh caches, which the verify step needs. */
public interface HostOpener {

  /**
   * @param root the image's root directory, real (symlinks resolved)
   * @param offline true for a mounted image ({@code --root}), false for the running system
   */
  Opened open(Path root, boolean offline);

  /** The facts, the file view the cleanup acts through, and how changes are made on this host. */
  record Opened(HostFacts facts, RootedFiles files, HostActions actions) {
    public Opened(HostFacts facts, RootedFiles files) {
      this(facts, files, HostActions.POSIX);
    }
  }

  /** This opener, with probes that report long walks (secret scans) to {@code progress}. */
  default HostOpener withProgress(Progress progress) {
    return this;
  }

  /** This opener, with secret scans that hold findings against a baseline and run extra rules. */
  default HostOpener withSecretSettings(SecretScanSettings settings) {
    return this;
  }

  /** The standard opener; see {@link Standard}. */
  static HostOpener standard(AgentEnvironment env) {
    return new Standard(env, Progress.NONE, SecretScanSettings.NONE);
  }

  /**
   * The standard opener. A mounted root that holds {@code Windows/System32/config/SYSTEM} is a
   * Windows system volume; a live run on a Windows filesystem is the running Windows; everything
   * else gets the Linux probes.
   */
  record Standard(AgentEnvironment env, Progress progress, SecretScanSettings secrets) implements HostOpener {
    @Override
    public Opened open(Path root, boolean offline) {
      if (!offline && isWindows(env)) {
        char drive = systemDrive(env);
        WindowsEntries entries = WindowsEntries.live();
        RootedFiles files = WindowsHost.liveFiles(root, drive, entries);
        HostInfo info = new HostInfo(Platform.WINDOWS, root.toString(), false, env.env().get("COMPUTERNAME"));
        WindowsHost host = WindowsHost.live(info, files, env.fileSystem(), drive, env.runner(), env.env(), progress,
            secrets);
        StateDirectory state = WindowsStateDirectory.live(() -> {
          Fact<Boolean> elevated = host.windows().elevated();
          return !elevated.isKnown() || elevated.value(); // cannot tell: hold it to the elevated rules
        }, env.stateDir());
        return new Opened(host, files, new HostActions(entries, state, Optional.of(AdministratorsGroup.live())));
      }
      RootedFiles files = new RootedFiles(root);
      if (offline && WindowsHost.isWindowsVolume(files)) {
        HostInfo info = new HostInfo(Platform.WINDOWS, root.toString(), true, null);
        return new Opened(WindowsHost.offline(info, files, new StoreVolumes(files), progress, secrets), files);
      }
      String hostname = offline ? null : hostname(env);
      HostInfo info = new HostInfo(Platform.LINUX, root.toString(), offline, hostname);
      return new Opened(new LinuxHost(info, files, env.runner(), progress, secrets), files);
    }

    @Override
    public HostOpener withProgress(Progress newProgress) {
      return new Standard(env, newProgress, secrets);
    }

    @Override
    public HostOpener withSecretSettings(SecretScanSettings settings) {
      return new Standard(env, progress, settings);
    }
  }

  /** True when this process runs on Windows (its filesystem separates names with a backslash). */
  static boolean isWindows(AgentEnvironment env) {
    return env.fileSystem().getSeparator().equals("\\");
  }

  /** The drive Windows runs from ({@code %SystemDrive%}), C when the environment does not say. */
  static char systemDrive(AgentEnvironment env) {
    String sd = env.env().getOrDefault("SystemDrive", "C:");
    return sd.isEmpty() ? 'C' : Character.toUpperCase(sd.charAt(0));
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
