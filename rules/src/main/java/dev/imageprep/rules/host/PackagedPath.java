package dev.imageprep.rules.host;

import java.util.List;

/**
 * A path that installed packages list as theirs.
 *
 * @param path the image's real path (directories on the way resolved inside the root)
 * @param owners the packages that list it, in the order their databases were read
 * @param conffile whether a package marks it as a configuration file (dpkg conffile, rpm {@code %config})
 */
public record PackagedPath(ImagePath path, List<String> owners, boolean conffile) {

  public PackagedPath {
    owners = List.copyOf(owners);
  }

  /** The owners as a reader sees them: {@code openssh-server} or {@code libc6, libc-bin}. */
  public String ownerNames() {
    return String.join(", ", owners);
  }
}
