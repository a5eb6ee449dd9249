package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import java.util.function.Consumer;

/**
 * How one kind of cleanup action turns a path an item matched into planned steps: which paths the
 * kind touches and which it refuses. Each {@link ActionKind} names its planning; what every kind
 * shares (guards, keeps, package ownership, the removal walk, the step records) is the {@link
 * Planner}'s, which each planning receives, so a kind's class holds only what makes it different.
 */
public interface ActionPlanning {

  /**
   * A path an item matched, looked at without following a final symlink, that no guard and none of
   * the item's keeps refused.
   *
   * @param shown the path the pattern matched, when a directory symlink on the way made it differ from
   *     {@code info.path()}; else null
   * @param named whether one of the item's patterns is this very path, written out
   */
  record Match(CleanupEntry entry, FileInfo info, ImagePath shown, boolean named) {}

  /** The action a refused match's step carries: the item's own; empty-dir's entries are refused as removals. */
  default ActionKind refusedAs(ActionKind own) {
    return own;
  }

  /** Plans the steps for one match, in the order they are to run, into {@code steps}. */
  void plan(Match match, Planner planner, Consumer<PlannedStep> steps);
}
