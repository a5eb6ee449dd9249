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
}
