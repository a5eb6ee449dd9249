package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps planned so far, in order, and which item claimed each path: a path two items reach is
 * planned once, by the first (the second says so), and no byte is counted twice — a directory
 * removed after some of its files were already planned counts only what those steps leave. The
 * steps go into a compact {@link StepList} (its path index answers "claimed?"), and the bytes
 * claimed below each directory are added up as steps arrive, so a million steps cost no more than
 * their list. Problems (unreadable directories) come last; beyond {@code limit} steps, the paths an
 * item still had are counted and reported as one failed step for the next run.
 */
final class PlanLedger {

  private final StepList.Builder steps = new StepList.Builder();
  private final List<PlannedStep> problems = new ArrayList<>();
  private final Set<String> noted = new HashSet<>();
  private final Map<ImagePath, Long> bytesBelow = new HashMap<>();
  private final long limit;
  private long dropped;
  private ImagePath droppedUnder;

  PlanLedger(long limit) {
    this.limit = limit;
  }

  void add(PlannedStep step) {
    if (steps.size() >= limit) {
      dropped++;
      droppedUnder = droppedUnder == null ? step.path().parent() : common(droppedUnder, step.path());
      return;
    }
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
      long rest = Math.max(0, step.bytes() - bytesBelow.getOrDefault(step.path(), 0L));
      counted = new PlannedStep(step.id(), step.action(), step.path(), step.matched(), step.type(), rest,
          step.identity(), step.status(), step.reason());
    }
    steps.add(counted);
    long bytes = Math.max(0, counted.bytes());
    for (ImagePath p = counted.path(); !p.isRoot(); ) {
      p = p.parent();
      bytesBelow.merge(p, bytes, Long::sum);
    }
  }

  void problem(PlannedStep step) {
    problems.add(step);
  }

  /** Reports what an item could not plan within the limit, as one failed step. */
  void endOfItem(CleanupEntry entry) {
    if (dropped > 0) {
      problems.add(new PlannedStep(entry.id(), entry.action(), droppedUnder, null, FileType.OTHER, -1, null,
          CleanupStatus.FAILED, "not planned: " + dropped + " more paths; the plan holds at most " + limit
              + " paths with this heap (-Xmx); run again after this run to clean them"));
      dropped = 0;
      droppedUnder = null;
    }
  }

  StepList build() {
    problems.forEach(steps::add);
    problems.clear();
    return steps.build();
  }

  /** The planned step that acts on this path, or removes a directory above it. */
  private Optional<PlannedStep> claimant(ImagePath path) {
    Optional<PlannedStep> same = steps.planned(path);
    if (same.isPresent()) {
      return same;
    }
    for (ImagePath p = path; !p.isRoot(); ) {
      p = p.parent();
      if (steps.contains(p)) {
        PlannedStep above = steps.planned(p).orElseThrow();
        if (removesTree(above)) {
          return Optional.of(above);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean removesTree(PlannedStep s) {
    return s.action() == ActionKind.REMOVE && s.type() == FileType.DIRECTORY;
  }

  private static ImagePath common(ImagePath a, ImagePath b) {
    while (!a.isRoot() && !a.contains(b)) {
      a = a.parent();
    }
    return a;
  }
}
