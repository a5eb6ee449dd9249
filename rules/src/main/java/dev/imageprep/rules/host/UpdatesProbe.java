package dev.imageprep.rules.host;

/** Facts about pending operating-system updates. */
public interface UpdatesProbe {

  /**
   * @return the pending updates, or {@code Unknown} (offline image, no repository access, timeout,
   *     package manager missing)
   */
  Fact<PendingUpdates> pending();
}
