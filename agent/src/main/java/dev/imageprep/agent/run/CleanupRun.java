package dev.imageprep.agent.run;

import dev.imageprep.agent.cleanup.CleanupActions;
import dev.imageprep.agent.cleanup.CleanupExecutor;
import dev.imageprep.agent.cleanup.Journal;
import dev.imageprep.agent.cleanup.SafeTree;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Carries out a confirmed plan: the executor, its journal, its progress, and stopping when interrupted. */
final class CleanupRun {

  /** What carrying out a plan did. */
  record Cleaned(List<PlannedStep> steps, boolean interrupted, List<String> notes) {}

  private final Session session;
  private final Interruptions interruptions;

  CleanupRun(Session session, Interruptions interruptions) {
    this.session = session;
    this.interruptions = interruptions;
  }

  /**
   * Carries out the plan, stopping between steps when interrupted or when the journal cannot be
   * written; the run then says why and ends incomplete (exit 3).
   */
  Cleaned execute(CleanupPlan plan) {
    List<String> notes = new ArrayList<>();
    List<PlannedStep> steps;
    Journal journal = session.openJournal();
    notes.add("journal: " + journal.file());
    SafeTree tree = new SafeTree(session.root(), session.files().entries(), session.actions().remover());
    CleanupExecutor executor = new CleanupExecutor(tree, CleanupActions.standard(), journal);
    try (CleanupProgress progress = new CleanupProgress(session.progress(), plan)) {
      steps = executor.execute(plan, progress, interruptions);
    } finally {
      try {
        journal.close();
      } catch (IOException e) {
        notes.add("the journal " + journal.file() + " may be incomplete: " + e.getMessage());
      }
    }
    executor.stoppedBecause().ifPresent(why -> notes.add("stopped: " + why + "; nothing after that was changed."
        + " Free the state directory (or pass --state-dir) and run the command again to finish"));
    if (interruptions.getAsBoolean()) {
      notes.add("interrupted: run the command again to finish (re-runs are idempotent)");
    }
    return new Cleaned(steps, interruptions.getAsBoolean() || executor.stoppedBecause().isPresent(), notes);
  }
}
