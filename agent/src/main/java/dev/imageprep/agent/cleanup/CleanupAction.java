package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/**
 * How one kind of cleanup step is carried out. The executor has already checked that the entry is
 * still what the plan saw; an action re-checks whatever its own safety depends on.
 */
public interface CleanupAction {

  ActionKind kind();

  /**
   * Carries out the step.
   *
   * @param attrs the entry's no-follow attributes, read just before
   * @param progress told how many bytes have been processed, for long work
   * @return a short sentence for the report ("shredded 3 passes + zeros"), or null
   * @throws IOException when the step could not be completed; the executor records it as failed
   */
  String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress) throws IOException;
}
