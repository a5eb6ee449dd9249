package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The steps planned so far, in order, and which item claimed each path: a path two items reach is
 * planned once, by the first (the second says so), and no byte is counted twice — a directory
 * removed after some of its files were already planned counts only what those steps leave.
 */
final class PlanLedger {

  private final List<PlannedStep> steps = new ArrayList<>();
  private final TreeMap<ImagePath, PlannedStep> claimed = new TreeMap<>();
  private final Set<String> noted = new HashSet<>();

  void add(PlannedStep step) {
    if (!step.isPlanned()) {
      if (noted.add(step.id() + "\0" + step.path() + "\0" + step.reason())) {
        steps.add(step);
      }
      return;
    }
    Optional<PlannedStep> earlier = claimant(step.path());
    if (earlier.isPresent()) {
      PlannedStep first = earlier.get();
      if (!first.id().equals(step.id())) { // the same item reaching a path twice says nothing
        String how = first.path().equals(step.path()) ? "" : " (it removes " + first.path() + ")";
        steps.add(new PlannedStep(step.id(), step.action(), step.path(), step.matched(), step.type(), 0,
            step.identity(), CleanupStatus.SKIPPED, "already planned by " + first.id() + how));
      }
      return;
    }
    PlannedStep counted = step;
    if (removesTree(step) && step.bytes() > 0) {
      long rest = Math.max(0, step.bytes() - plannedBytesBelow(step.path()));
      counted = new PlannedStep(step.id(), step.action(), step.path(), step.matched(), step.type(), rest,
          step.identity(), step.status(), step.reason());
    }
    claimed.put(counted.path(), counted);
    steps.add(counted);
  }

  List<PlannedStep> steps() {
    return steps;
  }

  /** The planned step that acts on this path, or removes a directory above it. */
  private Optional<PlannedStep> claimant(ImagePath path) {
    PlannedStep same = claimed.get(path);
    if (same != null) {
      return Optional.of(same);
    }
    for (ImagePath p = path; !p.isRoot(); ) {
      p = p.parent();
      PlannedStep above = claimed.get(p);
      if (above != null && removesTree(above)) {
        return Optional.of(above);
      }
    }
    return Optional.empty();
  }

  /** Bytes that earlier steps free below a directory (its subtree is one run of the sorted map). */
  private long plannedBytesBelow(ImagePath dir) {
    long sum = 0;
    for (Map.Entry<ImagePath, PlannedStep> e : claimed.tailMap(dir, false).entrySet()) {
      if (!dir.contains(e.getKey())) {
        break;
      }
      sum += Math.max(0, e.getValue().bytes());
    }
    return sum;
  }

  private static boolean removesTree(PlannedStep s) {
    return s.action() == ActionKind.REMOVE && s.type() == FileType.DIRECTORY;
  }
}
