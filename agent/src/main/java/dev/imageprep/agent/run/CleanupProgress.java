package dev.imageprep.agent.run;

import dev.imageprep.agent.cleanup.CleanupExecutor;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.StepList;

/**
 * Shows a cleanup's progress in bytes (shredding a large file moves the bar as it goes) with the
 * path being worked on. A step that reported fewer bytes than planned (already absent, a link) is
 * counted in full when the next one starts, so the bar ends at 100 %.
 */
public final class CleanupProgress implements CleanupExecutor.Listener, AutoCloseable {

  private final Progress.Task task;
  private long owed;

  public CleanupProgress(Progress progress, CleanupPlan plan) {
    long total = 0;
    StepList steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      total += steps.status(i) == CleanupStatus.PLANNED ? Math.max(1, steps.bytes(i)) : 0;
    }
    this.task = progress.begin("cleaning", total);
  }

  private static long weight(PlannedStep s) {
    return Math.max(1, s.bytes());
  }

  @Override
  public void starting(PlannedStep step) {
    task.advance(Math.max(0, owed), step.path().toString());
    owed = weight(step);
  }

  @Override
  public void bytes(long count) {
    long units = Math.min(count, owed);
    owed -= units;
    task.advance(units, null);
  }

  @Override
  public void close() {
    task.advance(Math.max(0, owed), null);
    task.close();
  }
}
