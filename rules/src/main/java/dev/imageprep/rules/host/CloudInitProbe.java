package dev.imageprep.rules.host;

import java.util.Optional;

/** cloud-init's configuration, read from the image's files. */
public interface CloudInitProbe {

  /**
   * @return the merged configuration, {@code Known(empty)} when the image has no {@code
   *     /etc/cloud/cloud.cfg}, or {@code Unknown} when one of the files cannot be read or parsed
   */
  Fact<Optional<CloudInitConfig>> config();
}
