package dev.imageprep.rules.host;

/** Disk space facts. */
public interface VolumeProbe {

  /**
   * @return usage of the filesystem that holds {@code path} (in offline mode, the filesystem that
   *     holds the image directory), or {@code Unknown} if it cannot be measured
   */
  Fact<VolumeUsage> usage(ImagePath path);
}
