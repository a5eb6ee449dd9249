package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/**
 * Empties the machine-id in place. systemd writes a new id at first boot when the file is empty; a
 * missing file would break DHCP with systemd-networkd, so it is never deleted. Ordered last so that
 * nothing after it can write an id again.
 */
public final class ResetMachineIdAction implements CleanupAction {

  @Override
  public ActionKind kind() {
    return ActionKind.RESET_MACHINE_ID;
  }

  @Override
  public String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress)
      throws IOException {
    RegularFiles.requireRegular(attrs);
    try (SeekableByteChannel ch = target.openForWrite()) {
      RegularFiles.truncate(ch);
    }
    progress.accept(Math.max(0, step.bytes()));
    return "emptied; systemd writes a new id at first boot";
  }
}
