package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImagePath;
import java.util.List;

/**
 * What a check may consult.
 *
 * @param cleanup the plan the selected cleanup items would carry out (empty when none are selected)
 * @param selectedCleanup ids of the cleanup items this run selects, planned or not
 * @param userVolumes paths that are not part of the image (WorkSpaces: {@code /home})
 */
public record CheckContext(HostFacts host, CleanupPlan cleanup, java.util.Set<String> selectedCleanup,
    List<ImagePath> userVolumes) {

  public CheckContext {
    selectedCleanup = java.util.Set.copyOf(selectedCleanup);
    userVolumes = List.copyOf(userVolumes);
  }
}
