package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.ImagePath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered, concrete steps of a cleanup run, built before anything is touched. The steps are a
 * compact {@link StepList}: a plan of a million paths fits a small heap.
 */
public final class CleanupPlan {

  private final StepList steps;

  public CleanupPlan(List<PlannedStep> steps) {
    this.steps = StepList.copyOf(steps);
  }

  public StepList steps() {
    return steps;
  }

  /** Bytes the planned steps free. */
  public long plannedBytes() {
    long total = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.status(i) == CleanupStatus.PLANNED) {
        total += Math.max(0, steps.bytes(i));
      }
    }
    return total;
  }

  public long count(CleanupStatus status) {
    long n = 0;
    for (int i = 0; i < steps.size(); i++) {
      n += steps.status(i) == status ? 1 : 0;
    }
    return n;
  }

  /**
   * The cleanup item whose planned step removes {@code path}, itself or a directory above it.
   * Truncation keeps the file, so a truncate step does not count as removing it. Looks up the path
   * and each directory above it, so it costs the same for a plan of ten steps or of a million.
   */
  public Optional<String> removerOf(ImagePath path) {
    int first = -1;
    for (ImagePath p = path; ; p = p.parent()) {
      int i = steps.indexOf(p);
      if (i >= 0 && removes(i) && (first < 0 || i < first)) {
        first = i;
      }
      if (p.isRoot()) {
        break;
      }
    }
    for (Map.Entry<Integer, ImagePath> m : steps.matchedPaths().entrySet()) {
      if (m.getValue().contains(path) && removes(m.getKey()) && (first < 0 || m.getKey() < first)) {
        first = m.getKey();
      }
    }
    return first < 0 ? Optional.empty() : Optional.of(steps.id(first));
  }

  private boolean removes(int i) {
    ActionKind a = steps.action(i);
    return steps.status(i) == CleanupStatus.PLANNED && a != ActionKind.TRUNCATE && a != ActionKind.RESET_MACHINE_ID;
  }
}
