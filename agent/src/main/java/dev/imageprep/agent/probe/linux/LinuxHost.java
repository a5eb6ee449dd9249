package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.common.StoreVolumes;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.agent.secrets.SecretScanner;
import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.CloudInitProbe;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.MountProbe;
import dev.imageprep.rules.host.OsProbe;
import dev.imageprep.rules.host.PackageProbe;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.UpdatesProbe;
import dev.imageprep.rules.host.VolumeProbe;

/**
 * The facts of a Linux image, live ({@code root = /}) or mounted elsewhere ({@code --root DIR}). Every
 * probe reads through one {@link RootedFiles}, so none of them can see past the image's root.
 */
public final class LinuxHost implements HostFacts {

  private final HostInfo info;
  private final RootedFiles files;
  private final StoreVolumes volumes;
  private final LinuxPackages packages;
  private final SystemdUnits services;
  private final LinuxMounts mounts;
  private final LinuxAccounts accounts;
  private final OsReleaseFile os;
  private final SecretsProbe secrets;
  private final LinuxUpdates updates;
  private final CloudInitFiles cloudInit;

  public LinuxHost(HostInfo info, RootedFiles files, CommandRunner runner) {
    this(info, files, runner, Progress.NONE);
  }

  /** @param progress where the secret scan reports the files it has read */
  public LinuxHost(HostInfo info, RootedFiles files, CommandRunner runner, Progress progress) {
    this(info, files, runner, progress, SecretScanSettings.NONE);
  }

  /** @param secrets the run's secret baseline and extra rules */
  public LinuxHost(HostInfo info, RootedFiles files, CommandRunner runner, Progress progress,
      SecretScanSettings secrets) {
    this.info = info;
    this.files = files;
    this.volumes = new StoreVolumes(files);
    this.packages = new LinuxPackages(files, runner);
    this.services = new SystemdUnits(files, info.offline());
    this.mounts = new LinuxMounts(files, info.offline(), services);
    this.accounts = new LinuxAccounts(files);
    this.os = new OsReleaseFile(files);
    this.secrets = new SecretScanner(files, progress, secrets, packages::files);
    this.updates = new LinuxUpdates(runner, info.offline());
    this.cloudInit = new CloudInitFiles(files);
  }

  @Override
  public HostInfo info() {
    return info;
  }

  @Override
  public ImageFiles files() {
    return files;
  }

  public RootedFiles rootedFiles() {
    return files;
  }

  @Override
  public VolumeProbe volumes() {
    return volumes;
  }

  @Override
  public PackageProbe packages() {
    return packages;
  }

  @Override
  public ServiceProbe services() {
    return services;
  }

  @Override
  public MountProbe mounts() {
    return mounts;
  }

  @Override
  public AccountProbe accounts() {
    return accounts;
  }

  @Override
  public OsProbe os() {
    return os;
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
  public CloudInitProbe cloudInit() {
    return cloudInit;
  }
}
