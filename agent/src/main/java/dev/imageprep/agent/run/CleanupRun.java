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

  Cleaned execute(CleanupPlan plan) {
    List<String> notes = new ArrayList<>();
    List<PlannedStep> steps;
    try (Journal journal = session.openJournal()) {
      notes.add("journal: " + journal.file());
      try (CleanupProgress progress = new CleanupProgress(session.progress(), plan)) {
        SafeTree tree = new SafeTree(session.root(), session.files().entries(), session.actions().remover());
        steps = new CleanupExecutor(tree, CleanupActions.standard(), journal)
            .execute(plan, progress, interruptions);
      }
    } catch (IOException e) {
      throw new AgentException(dev.imageprep.rules.model.ExitCode.INCOMPLETE, "the cleanup journal failed: "
          + e.getMessage());
    }
    if (interruptions.getAsBoolean()) {
      notes.add("interrupted: run the command again to finish (re-runs are idempotent)");
    }
    return new Cleaned(steps, interruptions.getAsBoolean(), notes);
  }
}
