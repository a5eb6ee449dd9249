package dev.imageprep.rules.host;

import java.util.List;

/** Facts about mounts. */
public interface MountProbe {

  /**
   * @return the mounts: live, the kernel's table; offline, the image's fstab and mount units. An
   *     empty list means the image configures no mounts.
   */
  Fact<List<MountEntry>> mounts();
}
