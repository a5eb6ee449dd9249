package dev.imageprep.agent.testing;

import dev.imageprep.agent.cleanup.CleanupActions;
import dev.imageprep.agent.cleanup.CleanupExecutor;
import dev.imageprep.agent.cleanup.Journal;
import dev.imageprep.agent.cleanup.SafeTree;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The planner and the executor on a real tree, wired as a run wires them but without a session:
 * for the safety tests that change the tree between plan and action.
 */
public final class DirectCleanup {

  private DirectCleanup() {}

  /** The plan for {@code entries}, with no guards, kept paths or package index. */
  public static CleanupPlan plan(Path root, CleanupEntry... entries) {
    return new Planner(new RootedFiles(root), List.of(), List.of()).plan(List.of(entries));
  }

  /** Carries out {@code plan} with the standard actions, journaling to {@code journalFile}. */
  public static List<PlannedStep> execute(Path root, Path journalFile, CleanupPlan plan) throws IOException {
    try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
      return new CleanupExecutor(new SafeTree(root), CleanupActions.standard(), journal)
          .execute(plan, CleanupExecutor.Listener.NONE, () -> false);
    }
  }
}
