package dev.imageprep.rules.host;

import java.util.List;

/**
 * Updates the package manager would install now.
 *
 * @param tool the command that was asked ({@code yum check-update}, {@code apt-get -s upgrade})
 */
public record PendingUpdates(String tool, List<String> packages) {

  public PendingUpdates {
    packages = List.copyOf(packages);
  }
}
