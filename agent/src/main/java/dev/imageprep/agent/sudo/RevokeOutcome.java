package dev.imageprep.agent.sudo;

import java.util.List;

/**
 * What a revoke run did, or in a dry run would do.
 *
 * @param users the users whose rights were taken away
 * @param changes one line per change, in the order they were made
 * @param remaining grants that are still there and why (rules for ALL, /etc/sudoers itself…)
 * @param failures steps that failed; their files are as they were before the step
 */
public record RevokeOutcome(List<String> users, List<String> changes, List<String> remaining, List<String> failures) {

  public RevokeOutcome {
    users = List.copyOf(users);
    changes = List.copyOf(changes);
    remaining = List.copyOf(remaining);
    failures = List.copyOf(failures);
  }

  /** True when no interactive user is left with rights this run was meant to take away. */
  public boolean complete() {
    return remaining.isEmpty() && failures.isEmpty();
  }
}
