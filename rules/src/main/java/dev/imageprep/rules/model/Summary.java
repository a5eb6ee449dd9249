package dev.imageprep.rules.model;

import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.Severity;
import java.util.List;

/**
 * Counts per status, for a glance and for pipelines that only read numbers.
 *
 * @param blocking checks that block at the run's {@code --fail-on} threshold
 * @param resolvedByCleanup checks whose every finding the profile's cleanup removes
 */
public record Summary(
    int pass, int fail, int warn, int unknown, int skipped, int resolvedByCleanup, int blocking,
    int cleanupPlanned, int cleanupDone, int cleanupSkipped, int cleanupFailed, long cleanupBytes) {

  public static Summary of(List<CheckResult> checks, List<PlannedStep> cleanup, Severity failOn) {
    int[] n = new int[Status.values().length];
    int blocking = 0;
    for (CheckResult c : checks) {
      n[c.status().ordinal()]++;
      if (c.blocks(failOn)) {
        blocking++;
      }
    }
    int[] s = new int[CleanupStatus.values().length];
    long bytes = 0;
    for (PlannedStep step : cleanup) {
      s[step.status().ordinal()]++;
      if (step.status() == CleanupStatus.PLANNED || step.status() == CleanupStatus.DONE) {
        bytes += Math.max(0, step.bytes());
      }
    }
    return new Summary(n[Status.PASS.ordinal()], n[Status.FAIL.ordinal()], n[Status.WARN.ordinal()],
        n[Status.UNKNOWN.ordinal()], n[Status.SKIPPED.ordinal()], n[Status.RESOLVED_BY_CLEANUP.ordinal()], blocking,
        s[CleanupStatus.PLANNED.ordinal()], s[CleanupStatus.DONE.ordinal()], s[CleanupStatus.SKIPPED.ordinal()],
        s[CleanupStatus.FAILED.ordinal()], bytes);
  }
}
