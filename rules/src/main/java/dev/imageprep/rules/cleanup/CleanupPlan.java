package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.ImagePath;
import java.util.List;
import java.util.Optional;

/** The ordered, concrete steps of a cleanup run, built before anything is touched. */
public record CleanupPlan(List<PlannedStep> steps) {

  public CleanupPlan {
    steps = List.copyOf(steps);
  }

  /** Bytes the planned steps free. */
  public long plannedBytes() {
    return steps.stream().filter(PlannedStep::isPlanned).mapToLong(s -> Math.max(0, s.bytes())).sum();
  }

  public long count(CleanupStatus status) {
    return steps.stream().filter(s -> s.status() == status).count();
  }

  /**
   * The cleanup item whose planned step removes {@code path}, itself or a directory above it.
   * Truncation keeps the file, so a truncate step does not count as removing it.
   */
  public Optional<String> removerOf(ImagePath path) {
    for (PlannedStep s : steps) {
      if (!s.isPlanned() || s.action() == ActionKind.TRUNCATE || s.action() == ActionKind.RESET_MACHINE_ID) {
        continue;
      }
      if (s.path().contains(path) || (s.matched() != null && s.matched().contains(path))) {
        return Optional.of(s.id());
      }
    }
    return Optional.empty();
  }
}
