package dev.imageprep.agent.run;

import dev.imageprep.rules.cleanup.CleanupPlan;
import java.nio.file.Path;

/**
 * Asks a person whether to carry out a plan. The workflows call it only when a person can answer
 * (a terminal) and {@code --yes} was not given; the command line shows the plan's summary and reads
 * the answer.
 */
@FunctionalInterface
public interface Confirmation {

  /** @return true to go ahead; false leaves everything as it is */
  boolean confirm(CleanupPlan plan, Path root, String profile);
}
