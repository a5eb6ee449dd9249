package dev.imageprep.agent.sudo;

import java.util.List;

/**
 * What {@code sudo revoke} was asked to do.
 *
 * @param users the users named with {@code --user}; empty means every ordinary user with a login
 *     shell, minus the configuration's allow-list
 * @param dryRun report the changes without making them
 */
public record RevokeRequest(List<String> users, boolean dryRun) {

  public RevokeRequest {
    users = List.copyOf(users);
  }
}
