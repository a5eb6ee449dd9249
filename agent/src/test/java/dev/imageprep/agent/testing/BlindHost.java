package dev.imageprep.agent.testing;

import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
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
 * The real host's facts, except that the volume probe cannot see (as when statvfs is denied), so
 * the volume rule ends {@code unknown}: the fail-closed path every report format must carry.
 */
public final class BlindHost implements HostFacts {

  private final HostFacts real;

  private BlindHost(HostFacts real) {
    this.real = real;
  }

  /** Wraps an opener so that every host it opens has blind volumes. */
  public static HostOpener blindVolumes(HostOpener opener) {
    return (root, offline) -> {
      HostOpener.Opened o = opener.open(root, offline);
      return new HostOpener.Opened(new BlindHost(o.facts()), o.files());
    };
  }

  @Override
  public VolumeProbe volumes() {
    return path -> Fact.unknown("statvfs " + path + ": permission denied");
  }

  @Override
  public HostInfo info() {
    return real.info();
  }

  @Override
  public ImageFiles files() {
    return real.files();
  }

  @Override
  public PackageProbe packages() {
    return real.packages();
  }

  @Override
  public ServiceProbe services() {
    return real.services();
  }

  @Override
  public MountProbe mounts() {
    return real.mounts();
  }

  @Override
  public AccountProbe accounts() {
    return real.accounts();
  }

  @Override
  public OsProbe os() {
    return real.os();
  }

  @Override
  public SecretsProbe secrets() {
    return real.secrets();
  }

  @Override
  public dev.imageprep.rules.host.CloudInitProbe cloudInit() {
    return real.cloudInit();
  }

  @Override
  public UpdatesProbe updates() {
    return real.updates();
  }
}
