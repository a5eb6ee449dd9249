package dev.imageprep.rules.host;

/**
 * Every fact source a check may ask. The agent implements it for a live system and for a mounted
 * root; tests implement it in memory. A source that does not apply to the platform answers {@code
 * Unknown} with a reason, never a made-up value.
 */
public interface HostFacts {

  HostInfo info();

  ImageFiles files();

  VolumeProbe volumes();

  PackageProbe packages();

  ServiceProbe services();

  MountProbe mounts();

  AccountProbe accounts();

  OsProbe os();

  SecretsProbe secrets();

  UpdatesProbe updates();

  /**
   * The Windows registry of the image. Linux hosts (and fakes that do not need it) keep this default,
   * which answers {@code Unknown}.
   */
  default RegistryProbe registry() {
    return RegistryProbe.unavailable("the image has no Windows registry (" + info().platform().key() + ")");
  }

  /** cloud-init's merged configuration; hosts that do not read it keep this default, {@code Unknown}. */
  default CloudInitProbe cloudInit() {
    return () -> Fact.unknown("cloud-init's configuration is not read on " + info().platform().key());
  }

  /** Windows machine facts beyond the registry; the default answers {@code Unknown}. */
  default WindowsProbe windows() {
    return WindowsProbe.unavailable("not a running Windows system (" + info().platform().key() + ")");
  }
}
