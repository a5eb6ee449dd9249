package dev.imageprep.rules.cleanup;

import java.util.function.Consumer;

/** Removes the match: all of it, or everything in a directory but what a package or the item keeps. */
final class RemovePlanning implements ActionPlanning {

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    planner.removal(match.entry(), match.info(), match.shown(), match.named()).forEach(steps);
  }
}
