package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.windows.AdminPasswords;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Edits a launch agent's configuration in place: planned only when the file holds a clear-text
 * administrator password, refused when it is not a regular file with one link or cannot be parsed.
 */
final class ClearPasswordPlanning implements ActionPlanning {

  @Override
  public void plan(Match match, Planner planner, Consumer<PlannedStep> steps) {
    CleanupEntry entry = match.entry();
    FileInfo info = match.info();
    if (!info.isRegular() || info.links() > 1) {
      steps.accept(Planner.writeStep(entry, ActionKind.CLEAR_PASSWORD, info, match.shown(), "edited"));
      return;
    }
    Fact<Optional<String>> text = planner.files().readText(info.path(), AdminPasswords.MAX_BYTES);
    if (!text.isKnown()) {
      steps.accept(Planner.failed(entry, info.path(), "could not read it: " + text.reason()));
      return;
    }
    if (text.value().isEmpty()) {
      return;
    }
    try {
      AdminPasswords.Format format = AdminPasswords.Format.of(info.path().fileName());
      if (AdminPasswords.clear(format, text.value().get()).isEmpty()) {
        return; // no clear-text password: nothing to do
      }
      int secrets = AdminPasswords.read(format, text.value().get()).secrets().size();
      steps.accept(Planner.step(entry, ActionKind.CLEAR_PASSWORD, info, match.shown(), 0, CleanupStatus.PLANNED,
          "blanks " + secrets + " clear-text administrator password(s) and sets the password type to random"));
    } catch (AdminPasswords.FormatException e) {
      steps.accept(Planner.step(entry, ActionKind.CLEAR_PASSWORD, info, match.shown(), 0, CleanupStatus.SKIPPED,
          "not changed: " + e.getMessage()));
    }
  }
}
