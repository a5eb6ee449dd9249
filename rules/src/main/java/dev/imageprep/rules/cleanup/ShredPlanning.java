package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.PackagedPath;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Overwrites a regular file with no other hard link, then unlinks it. A symlink is removed as a link
 * (its target is never shredded), and a package-owned file only when the item names it.
 */
final class ShredPlanning implements ActionPlanning {

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    CleanupEntry entry = match.entry();
    FileInfo info = match.info();
    if (!planner.packaged().isKnown()) {
      steps.accept(Planner.failed(entry, info.path(), "could not tell whether a package owns it: "
          + planner.packaged().reason()));
      return;
    }
    Optional<PackagedPath> owner = planner.packaged().value().find(info.path());
    if (owner.isPresent() && !match.named()) {
      steps.accept(Planner.step(entry, ActionKind.SHRED, info, match.shown(), 0, CleanupStatus.SKIPPED,
          Planner.packageOwned(owner.get()) + ": shredded only when a cleanup item names this very path"));
    } else if (info.isSymlink()) {
      steps.accept(Planner.step(entry, ActionKind.REMOVE, info, match.shown(), 0, CleanupStatus.PLANNED,
          "symlink: removed as a link, its target is not shredded"));
    } else {
      steps.accept(Planner.writeStep(entry, ActionKind.SHRED, info, match.shown(), "shredded"));
    }
  }
}
