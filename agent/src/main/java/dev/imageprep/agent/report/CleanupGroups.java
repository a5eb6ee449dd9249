package dev.imageprep.agent.report;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A report's cleanup steps grouped by item, in their order, counted in one pass: each group keeps
 * its numbers and where its steps are in the list, never the steps themselves, so that every writer
 * can summarise an item of a million paths (a full {@code /var/tmp}) in flat memory.
 */
final class CleanupGroups {

  /** Items with more steps than this are summarised in the JSON report unless --verbose. */
  static final int JSON_SUMMARY_ABOVE = 1000;

  private CleanupGroups() {}

  /** One cleanup item's steps. */
  static final class Group {
    final String id;
    final ActionKind action;
    private ActionKind onlyAction;
    private FileType onlyType;
    private ImagePath common;
    private long count;
    private long bytes;
    private final long[] countBy = new long[CleanupStatus.values().length];
    private final long[] bytesBy = new long[CleanupStatus.values().length];
    private final List<int[]> runs = new ArrayList<>(); // [from, to) index ranges in the report's list

    Group(PlannedStep first) {
      this.id = first.id();
      this.action = first.action();
      this.onlyAction = first.action();
      this.onlyType = first.type();
      this.common = first.path().parent();
    }

    void add(int index, PlannedStep s) {
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last[1] == index) {
        last[1]++;
      } else {
        runs.add(new int[] {index, index + 1});
      }
      count++;
      long b = Math.max(0, s.bytes());
      bytes += b;
      countBy[s.status().ordinal()]++;
      bytesBy[s.status().ordinal()] += b;
      onlyAction = onlyAction == s.action() ? onlyAction : null;
      onlyType = onlyType == s.type() ? onlyType : FileType.OTHER;
      while (!common.isRoot() && !common.contains(s.path())) {
        common = common.parent();
      }
    }

    long count() {
      return count;
    }

    long bytes() {
      return bytes;
    }

    long count(CleanupStatus status) {
      return countBy[status.ordinal()];
    }

    long bytes(CleanupStatus status) {
      return bytesBy[status.ordinal()];
    }

    /** The action of every step, or the first one's when they differ. */
    ActionKind action() {
      return onlyAction != null ? onlyAction : action;
    }

    /** The type of every step, or {@code other} when they differ. */
    FileType type() {
      return onlyType;
    }

    /** The deepest directory that holds every step's path. */
    ImagePath commonParent() {
      return common;
    }

    /** The worst outcome among the steps: failed, skipped, planned, done. */
    CleanupStatus worst() {
      for (CleanupStatus s : List.of(CleanupStatus.FAILED, CleanupStatus.SKIPPED, CleanupStatus.PLANNED)) {
        if (count(s) > 0) {
          return s;
        }
      }
      return CleanupStatus.DONE;
    }

    /** The group's steps, built one at a time from the report's list. */
    Iterable<PlannedStep> steps(List<PlannedStep> all) {
      return () -> new Iterator<>() {
        private int run;
        private int next = runs.isEmpty() ? 0 : runs.get(0)[0];

        @Override
        public boolean hasNext() {
          return run < runs.size();
        }

        @Override
        public PlannedStep next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          PlannedStep s = all.get(next++);
          if (next >= runs.get(run)[1] && ++run < runs.size()) {
            next = runs.get(run)[0];
          }
          return s;
        }
      };
    }
  }

  /** The steps grouped by item id, in the order items first appear. */
  static List<Group> of(List<PlannedStep> steps) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      PlannedStep s = steps.get(i);
      groups.computeIfAbsent(s.id(), k -> new Group(s)).add(i, s);
    }
    return List.copyOf(groups.values());
  }
}
