package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.common.StoreVolumes;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.agent.secrets.SecretScanner;
import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.MountProbe;
import dev.imageprep.rules.host.OsProbe;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackageProbe;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.UpdatesProbe;
import dev.imageprep.rules.host.VolumeProbe;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.windows.WindowsVersion;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of a Windows image: the running system (registry through JNA, drives through Kernel32
 * and OSHI) or a mounted system volume (the offline hives, the filesystem that holds it). The
 * systemd-, package- and mount-shaped probes of the Linux side answer {@code Unknown}: the Windows
 * rules read services, applications and settings from the registry instead.
 */
public final class WindowsHost implements HostFacts {

  /** The hive whose presence marks a Windows system volume. */
  public static final ImagePath SYSTEM_HIVE = ImagePath.of("/Windows/System32/config/SYSTEM");

  private final HostInfo info;
  private final RootedFiles files;
  private final VolumeProbe volumes;
  private final RegistryProbe registry;
  private final WindowsProbe windows;
  private final AccountProbe accounts;
  private final SecretsProbe secrets;
  private final UpdatesProbe updates;

  /**
   * @param volumes space of the system drive (a test passes its own; see {@link #offline})
   */
  public WindowsHost(HostInfo info, RootedFiles files, VolumeProbe volumes, RegistryProbe registry,
      WindowsProbe windows, AccountProbe accounts, UpdatesProbe updates) {
    this(info, files, volumes, registry, windows, accounts, updates, Progress.NONE, SecretScanSettings.NONE);
  }

  /**
   * @param progress where the secret scan reports the files it has read
   * @param secretSettings the run's secret baseline and extra rules ({@code --baseline}, {@code --secret-rules})
   */
  public WindowsHost(HostInfo info, RootedFiles files, VolumeProbe volumes, RegistryProbe registry,
      WindowsProbe windows, AccountProbe accounts, UpdatesProbe updates, Progress progress,
      SecretScanSettings secretSettings) {
    this.info = info;
    this.files = files;
    this.volumes = volumes;
    this.registry = registry;
    this.windows = windows;
    this.accounts = accounts;
    this.updates = updates;
    // Windows has no package database with file digests (dpkg's md5sums, rpm's): nothing is "shipped
    // unchanged", so no finding is lowered to info; the rule's fixtures globs still apply
    this.secrets = new SecretScanner(files, progress, secretSettings, () -> Fact.known(PackageFiles.NONE));
  }

  /** A mounted Windows system volume at {@code files.root()}. */
  public static WindowsHost offline(HostInfo info, RootedFiles files, VolumeProbe volumes) {
    return offline(info, files, volumes, Progress.NONE, SecretScanSettings.NONE);
  }

  /** A mounted Windows system volume whose secret scans report to {@code progress} and use the run's settings. */
  public static WindowsHost offline(HostInfo info, RootedFiles files, VolumeProbe volumes, Progress progress,
      SecretScanSettings secretSettings) {
    String why = "offline: only the mounted system volume is there";
    return new WindowsHost(info, files, volumes, new OfflineRegistry(files), WindowsProbe.unavailable(why),
        new UnknownAccounts("offline: local accounts live in the SAM hive, which is not read"),
        new WindowsUpdates((command, timeout) -> Optional.empty(), null), progress, secretSettings);
  }

  /**
   * The running Windows system, whose system drive is {@code files.root()}.
   *
   * @param env the environment (for %SystemRoot% should the System32 known folder not be readable)
   */
  public static WindowsHost live(HostInfo info, RootedFiles files, FileSystem fs, char systemDrive,
      CommandRunner runner, Map<String, String> env, Progress progress, SecretScanSettings secretSettings) {
    UpdatesProbe updates = () -> new WindowsUpdates(runner, WindowsUpdates.systemPowerShell(env)).pending();
    return new WindowsHost(info, files, new StoreVolumes(files), new LiveRegistry(),
        new LiveWindowsProbe(fs, systemDrive), new WindowsAccounts(), updates, progress, secretSettings);
  }

  /**
   * A drive of the running system as imageprep reads it: links and junctions read inside the drive,
   * entries classified by reparse tag with their identity and link count.
   */
  public static RootedFiles liveFiles(Path root, char drive, WindowsEntries entries) {
    return new RootedFiles(root, new WindowsLinks(drive, JunctionReader.jna()), entries);
  }

  /** True when the directory holds a Windows system volume (its SYSTEM hive is there). */
  public static boolean isWindowsVolume(RootedFiles files) {
    Fact<Optional<FileInfo>> hive = files.stat(SYSTEM_HIVE);
    return hive.isKnown() && hive.value().isPresent() && hive.value().get().isRegular();
  }

  @Override
  public HostInfo info() {
    return info;
  }

  @Override
  public ImageFiles files() {
    return files;
  }

  @Override
  public VolumeProbe volumes() {
    return volumes;
  }

  @Override
  public PackageProbe packages() {
    return new PackageProbe() {
      @Override
      public Fact<dev.imageprep.rules.host.PackageInventory> installed() {
        return Fact.unknown("Windows has no package database; the Windows rules read installed applications from"
            + " the registry");
      }

      @Override
      public Fact<PackageFiles> files() {
        // no dpkg or rpm: no path is a package's, and cleanup may act on what the catalog names
        return Fact.known(PackageFiles.NONE);
      }

      @Override
      public Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
        return installed().map(i -> List.of());
      }
    };
  }

  @Override
  public ServiceProbe services() {
    String why = "Windows has no systemd units; the Windows rules read services from the registry";
    return new ServiceProbe() {
      @Override
      public Fact<Optional<dev.imageprep.rules.host.UnitInfo>> unit(String name) {
        return Fact.unknown(why);
      }

      @Override
      public Fact<List<dev.imageprep.rules.host.UnitInfo>> units() {
        return Fact.unknown(why);
      }
    };
  }

  @Override
  public MountProbe mounts() {
    return () -> Fact.unknown("Windows mounts are drives; see the Windows drive facts");
  }

  @Override
  public AccountProbe accounts() {
    return accounts;
  }

  @Override
  public OsProbe os() {
    return () -> WindowsVersion.read(registry).map(WindowsVersion::toOsRelease);
  }

  @Override
  public SecretsProbe secrets() {
    return secrets;
  }

  @Override
  public UpdatesProbe updates() {
    return updates;
  }

  @Override
  public RegistryProbe registry() {
    return registry;
  }

  @Override
  public WindowsProbe windows() {
    return windows;
  }

  /** Accounts that cannot be read, with the reason. */
  private record UnknownAccounts(String reason) implements AccountProbe {
    @Override
    public Fact<List<dev.imageprep.rules.host.UserAccount>> users() {
      return Fact.unknown(reason);
    }

    @Override
    public Fact<List<dev.imageprep.rules.host.GroupEntry>> groups() {
      return Fact.unknown(reason);
    }

    @Override
    public Fact<List<dev.imageprep.rules.host.SudoersRule>> sudoers() {
      return Fact.unknown(reason);
    }
  }
}
