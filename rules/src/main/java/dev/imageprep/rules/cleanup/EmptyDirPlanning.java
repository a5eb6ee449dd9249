package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the directory (a service owns it) and removes each of its entries, streamed from the
 * listing so a directory of a million files plans in flat memory.
 */
final class EmptyDirPlanning implements ActionPlanning {

  @Override
  public ActionKind refusedAs(ActionKind own) {
    return ActionKind.REMOVE;
  }

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    CleanupEntry entry = match.entry();
    FileInfo info = match.info();
    // A distribution's directory symlink (/var/spool/mail -> ../mail) is resolved like any
    // directory on the way and stays; its entries are planned without being followed.
    Fact<ImagePath> dir = info.isSymlink() ? planner.files().resolve(info.path()) : Fact.known(info.path());
    if (!dir.isKnown()) {
      steps.accept(Planner.failed(entry, info.path(), "could not resolve the directory: " + dir.reason()));
      return;
    }
    Fact<Optional<FileInfo>> target = planner.files().stat(dir.value());
    if (!target.isKnown()) {
      steps.accept(Planner.failed(entry, dir.value(), "could not look at it: " + target.reason()));
      return;
    }
    if (target.value().isEmpty()) {
      return;
    }
    if (!target.value().get().isDirectory()) {
      steps.accept(Planner.step(entry, ActionKind.REMOVE, info, match.shown(), 0, CleanupStatus.SKIPPED,
          "not a directory (" + target.value().get().type().key() + "): empty-dir only empties directories"));
      return;
    }
    Optional<String> guard = planner.guardReason(dir.value());
    if (guard.isPresent()) {
      steps.accept(Planner.step(entry, ActionKind.REMOVE, target.value().get(), match.shown(), 0,
          CleanupStatus.SKIPPED, guard.get()));
      return;
    }
    Fact<Long> listed = planner.files().forEachEntry(dir.value(),
        child -> planner.removal(entry, child, null, false).forEach(steps));
    if (!listed.isKnown()) {
      steps.accept(Planner.failed(entry, dir.value(), "could not read directory: " + listed.reason()));
    }
  }
}
