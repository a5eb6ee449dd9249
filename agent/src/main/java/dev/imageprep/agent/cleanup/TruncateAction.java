package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/** Cuts a regular file to zero bytes, keeping the file, its owner and its mode (logs held open by daemons). */
public final class TruncateAction implements CleanupAction {

  @Override
  public ActionKind kind() {
    return ActionKind.TRUNCATE;
  }

  @Override
  public String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress)
      throws IOException {
    RegularFiles.requireRegular(attrs);
    try (SeekableByteChannel ch = target.openForWrite()) {
      RegularFiles.truncate(ch);
    }
    progress.accept(Math.max(0, step.bytes()));
    return null;
  }
}
