package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.ReparsePoints;
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
    boolean link = ReparsePoints.isLink(attrs);
    if (attrs.isDirectory() && !link) {
      target.removeTree();
    } else {
      target.unlink(); // a symlink, junction or mount point goes as a link
    }
    target.syncParent();
    progress.accept(Math.max(0, step.bytes()));
    return link ? "removed the link; its target was not touched" : null;
  }
}
