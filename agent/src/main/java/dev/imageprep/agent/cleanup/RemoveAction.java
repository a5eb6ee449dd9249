package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/** Deletes a file, a symlink (as a link) or a directory tree (never following links or mount points). */
public final class RemoveAction implements CleanupAction {

  @Override
  public ActionKind kind() {
    return ActionKind.REMOVE;
  }

  @Override
  public String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress)
      throws IOException {
    if (attrs.isDirectory()) {
      target.removeTree();
    } else {
      target.unlink();
    }
    target.syncParent();
    progress.accept(Math.max(0, step.bytes()));
    return attrs.isSymbolicLink() ? "removed the link; its target was not touched" : null;
  }
}
