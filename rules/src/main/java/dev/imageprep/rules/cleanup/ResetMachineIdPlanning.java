package dev.imageprep.rules.cleanup;

import java.util.function.Consumer;

/** Empties the machine-id (systemd makes a new one at first boot); an empty one is already reset. */
final class ResetMachineIdPlanning implements ActionPlanning {

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    Planner.emptying(match, ActionKind.RESET_MACHINE_ID, "emptied").ifPresent(steps);
  }
}
