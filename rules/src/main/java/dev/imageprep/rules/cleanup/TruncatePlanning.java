package dev.imageprep.rules.cleanup;

import java.util.function.Consumer;

/** Cuts a regular file with no other hard link to zero bytes; an empty file is already truncated. */
final class TruncatePlanning implements ActionPlanning {

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    Planner.emptying(match, ActionKind.TRUNCATE, "truncated").ifPresent(steps);
  }
}
