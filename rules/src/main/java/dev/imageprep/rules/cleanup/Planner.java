package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.CleanupStatus;
import dev.imageprep.rules.windows.AdminPasswords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns cleanup items into the concrete plan: expands each pattern against the image, looks at every
 * match with a no-follow {@code lstat}, and decides per path what will happen or why it will not.
 * It reads through {@link ImageFiles} only, so it cannot leave the image's root, and it changes
 * nothing. Directories are read as streams and the plan is a compact {@link StepList}, so a million
 * files in one directory plan in flat memory; nothing here recurses.
 */
public final class Planner {

  private final ImageFiles files;
  private final GlobExpander expander;
  private final List<Guard> protectedPaths;
  private final List<Guard> keptPaths;
  private final List<Guard> mountPoints;
  private long stepLimit = Long.MAX_VALUE;

  /** A path the planner must not touch, with the sentence that says why. */
  public record Guard(ImagePath path, String reason) {}

  /**
   * @param protectedPaths paths the profile forbids touching at all (WorkSpaces: {@code /home})
   * @param keptPaths paths this run needs until it ends (its working directory, its report)
   */
  public Planner(ImageFiles files, List<Guard> protectedPaths, List<Guard> keptPaths) {
    this(files, protectedPaths, keptPaths, List.of());
  }

  /**
   * @param mountPoints the mount points inside the image other than its root, each with what is
   *     mounted there: nothing at, below or containing one is planned (another filesystem)
   */
  public Planner(ImageFiles files, List<Guard> protectedPaths, List<Guard> keptPaths, List<Guard> mountPoints) {
    this.files = files;
    this.expander = new GlobExpander(files);
    this.protectedPaths = resolveAll(files, protectedPaths);
    this.keptPaths = resolveAll(files, keptPaths);
    this.mountPoints = List.copyOf(mountPoints);
  }

  /**
   * Plans at most this many steps (what the heap can hold); the paths beyond are reported as one
   * failed step per item, planned by the next run once these are gone.
   */
  public Planner limitSteps(long max) {
    this.stepLimit = max;
    return this;
  }

  private static List<Guard> resolveAll(ImageFiles files, List<Guard> guards) {
    List<Guard> out = new ArrayList<>();
    for (Guard g : guards) {
      out.add(g);
      Fact<ImagePath> real = files.resolve(g.path());
      if (real.isKnown() && !real.value().equals(g.path())) {
        out.add(new Guard(real.value(), g.reason()));
      }
    }
    return List.copyOf(out);
  }

  /** Plans the given items in order (by {@code order}, then id); the first step for a path wins. */
  public CleanupPlan plan(List<CleanupEntry> entries) {
    List<CleanupEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(CleanupEntry::order).thenComparing(CleanupEntry::id));
    Steps steps = new Steps();
    for (CleanupEntry entry : sorted) {
      for (Glob glob : entry.paths()) {
        List<GlobExpander.Unreadable> unreadable = expander.expand(glob,
            (match, info) -> planMatch(entry, match, info, steps));
        for (GlobExpander.Unreadable u : unreadable) {
          steps.problem(failed(entry, u.directory(), "could not read directory: " + u.reason()));
        }
      }
      steps.endOfItem(entry);
    }
    return new CleanupPlan(steps.build());
  }

  /** Where steps go: the first step for a path wins, problems come last, and the heap has a limit. */
  private final class Steps {
    private final StepList.Builder planned = new StepList.Builder();
    private final List<PlannedStep> problems = new ArrayList<>();
    private long dropped;
    private ImagePath droppedUnder;

    void add(PlannedStep step) {
      if (planned.contains(step.path())) {
        return;
      }
      if (planned.size() >= stepLimit) {
        dropped++;
        droppedUnder = droppedUnder == null ? step.path().parent() : common(droppedUnder, step.path());
        return;
      }
      planned.add(step);
    }

    void problem(PlannedStep step) {
      problems.add(step);
    }

    void endOfItem(CleanupEntry entry) {
      if (dropped > 0) {
        problems.add(failed(entry, droppedUnder, "not planned: " + dropped + " more paths; the plan holds at most "
            + stepLimit + " paths with this heap (-Xmx); run again after this run to clean them"));
        dropped = 0;
        droppedUnder = null;
      }
    }

    StepList build() {
      problems.forEach(planned::add);
      return planned.build();
    }

    private static ImagePath common(ImagePath a, ImagePath b) {
      while (!a.isRoot() && !a.contains(b)) {
        a = a.parent();
      }
      return a;
    }
  }

  /**
   * @param listed the entry as the directory listing gave it, when the match came from one (saves
   *     looking again), else null
   */
  private void planMatch(CleanupEntry entry, ImagePath matched, FileInfo listed, Steps steps) {
    FileInfo info;
    ImagePath shownMatch;
    if (listed != null) {
      info = listed;
      shownMatch = listed.path().equals(matched) ? null : matched;
    } else {
      Fact<ImagePath> parent = files.resolve(matched.parent());
      if (!parent.isKnown()) {
        steps.add(failed(entry, matched, "could not resolve " + matched.parent() + ": " + parent.reason()));
        return;
      }
      ImagePath real = matched.isRoot() ? matched : parent.value().child(matched.fileName());
      shownMatch = real.equals(matched) ? null : matched;
      Fact<Optional<FileInfo>> stat = files.stat(real);
      if (!stat.isKnown()) {
        steps.add(failed(entry, real, "could not look at it: " + stat.reason()));
        return;
      }
      if (stat.value().isEmpty()) {
        return; // already absent: nothing to do, which is success
      }
      info = stat.value().get();
    }
    // an empty-dir item's directory may hold a mount point: its other entries are still emptied
    Optional<String> guard = guardReason(info.path(), entry.action() != ActionKind.EMPTY_DIR);
    if (guard.isPresent()) {
      steps.add(step(entry, entry.action() == ActionKind.EMPTY_DIR ? ActionKind.REMOVE : entry.action(),
          info, shownMatch, 0, CleanupStatus.SKIPPED, guard.get()));
      return;
    }
    switch (entry.action()) {
      case REMOVE -> steps.add(removeStep(entry, info, shownMatch));
      case EMPTY_DIR -> emptyDir(entry, info, shownMatch, steps);
      case TRUNCATE -> {
        if (!info.isRegular() || info.size() != 0) { // an empty file is already truncated
          steps.add(writeStep(entry, ActionKind.TRUNCATE, info, shownMatch, info.size(), null, "truncated"));
        }
      }
      case SHRED -> steps.add(shredStep(entry, info, shownMatch));
      case RESET_MACHINE_ID -> {
        if (!info.isRegular() || info.size() != 0) { // an empty machine-id is already reset
          steps.add(writeStep(entry, ActionKind.RESET_MACHINE_ID, info, shownMatch, info.size(), null, "emptied"));
        }
      }
      case CLEAR_PASSWORD -> clearPassword(entry, info, shownMatch).ifPresent(steps::add);
    }
  }

  private PlannedStep removeStep(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (info.isSymlink()) {
      return step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.PLANNED,
          "symlink: removed as a link, its target is not touched");
    }
    Optional<String> kept = keptInside(info.path());
    if (kept.isPresent()) {
      return step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.SKIPPED, kept.get());
    }
    long bytes = info.isDirectory() ? treeBytes(info.path()) : info.size();
    return step(entry, ActionKind.REMOVE, info, matched, bytes, CleanupStatus.PLANNED, null);
  }

  private void emptyDir(CleanupEntry entry, FileInfo info, ImagePath matched, Steps steps) {
    // A distribution's directory symlink (/var/spool/mail -> ../mail) is resolved like any
    // directory on the way and stays; its entries are planned without being followed.
    Fact<ImagePath> dir = info.isSymlink() ? files.resolve(info.path()) : Fact.known(info.path());
    if (!dir.isKnown()) {
      steps.add(failed(entry, info.path(), "could not resolve the directory: " + dir.reason()));
      return;
    }
    Fact<Optional<FileInfo>> target = files.stat(dir.value());
    if (!target.isKnown()) {
      steps.add(failed(entry, dir.value(), "could not look at it: " + target.reason()));
      return;
    }
    if (target.value().isEmpty()) {
      return;
    }
    if (!target.value().get().isDirectory()) {
      steps.add(step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.SKIPPED,
          "not a directory (" + target.value().get().type().key() + "): empty-dir only empties directories"));
      return;
    }
    Optional<String> inMount = guardReason(dir.value(), false);
    if (inMount.isPresent()) {
      steps.add(step(entry, ActionKind.REMOVE, target.value().get(), matched, 0, CleanupStatus.SKIPPED, inMount.get()));
      return;
    }
    Fact<Long> listed = files.forEachEntry(dir.value(), child -> {
      Optional<String> guard = guardReason(child.path(), true);
      if (guard.isPresent()) {
        steps.add(step(entry, ActionKind.REMOVE, child, null, 0, CleanupStatus.SKIPPED, guard.get()));
      } else {
        steps.add(removeStep(entry, child, null));
      }
    });
    if (!listed.isKnown()) {
      steps.problem(failed(entry, dir.value(), "could not read directory: " + listed.reason()));
    }
  }

  /** A step that writes into a file: only a regular file with no other hard link. */
  private PlannedStep writeStep(CleanupEntry entry, ActionKind action, FileInfo info, ImagePath matched, long bytes,
      String reason, String verb) {
    if (!info.isRegular()) {
      return step(entry, action, info, matched, 0, CleanupStatus.SKIPPED, notRegular(info, verb));
    }
    if (info.links() > 1) {
      return step(entry, action, info, matched, 0, CleanupStatus.SKIPPED, hardLinks(info.links(), verb));
    }
    return step(entry, action, info, matched, bytes, CleanupStatus.PLANNED, reason);
  }

  /** Why a file with other hard links is refused; the executor says the same of one opened later. */
  public static String hardLinks(int links, String verb) {
    return "refused: the file has " + links + " hard links, and a file " + verb + " here would change under its"
        + " other names too, wherever they are; remove the other links and run again";
  }

  private PlannedStep shredStep(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (info.isSymlink()) {
      return step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.PLANNED,
          "symlink: removed as a link, its target is not shredded");
    }
    return writeStep(entry, ActionKind.SHRED, info, matched, info.size(), null, "shredded");
  }

  private Optional<PlannedStep> clearPassword(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (!info.isRegular() || info.links() > 1) {
      return Optional.of(writeStep(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, null, "edited"));
    }
    Fact<Optional<String>> text = files.readText(info.path(), AdminPasswords.MAX_BYTES);
    if (!text.isKnown()) {
      return Optional.of(failed(entry, info.path(), "could not read it: " + text.reason()));
    }
    if (text.value().isEmpty()) {
      return Optional.empty();
    }
    try {
      AdminPasswords.Format format = AdminPasswords.Format.of(info.path().fileName());
      if (AdminPasswords.clear(format, text.value().get()).isEmpty()) {
        return Optional.empty(); // no clear-text password: nothing to do
      }
      int secrets = AdminPasswords.read(format, text.value().get()).secrets().size();
      return Optional.of(step(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, CleanupStatus.PLANNED,
          "blanks " + secrets + " clear-text administrator password(s) and sets the password type to random"));
    } catch (AdminPasswords.FormatException e) {
      return Optional.of(step(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, CleanupStatus.SKIPPED,
          "not changed: " + e.getMessage()));
    }
  }

  private static String notRegular(FileInfo info, String verb) {
    if (info.isSymlink()) {
      return "symlink: not followed, so nothing is " + verb;
    }
    return "refused: a " + info.type().key() + " is not a regular file and is never " + verb;
  }

  /**
   * Why a path must not be touched: it is, lies below or (when {@code orAbove}) contains a protected
   * path or a mount point.
   */
  private Optional<String> guardReason(ImagePath path, boolean orAbove) {
    for (Guard g : protectedPaths) {
      if (g.path().contains(path) || path.contains(g.path())) {
        return Optional.of("protected: " + g.reason());
      }
    }
    for (Guard m : mountPoints) {
      if (m.path().contains(path) || (orAbove && path.contains(m.path()))) {
        return Optional.of("another filesystem: " + m.reason());
      }
    }
    return Optional.empty();
  }

  private Optional<String> keptInside(ImagePath path) {
    for (Guard g : keptPaths) {
      if (path.contains(g.path())) {
        return Optional.of("kept: " + g.reason());
      }
    }
    return Optional.empty();
  }

  private long treeBytes(ImagePath dir) {
    Fact<Long> bytes = files.treeBytes(dir);
    return bytes.isKnown() ? bytes.value() : -1;
  }

  private static PlannedStep step(CleanupEntry entry, ActionKind action, FileInfo info, ImagePath matched,
      long bytes, CleanupStatus status, String reason) {
    return new PlannedStep(entry.id(), action, info.path(), matched, info.type(), bytes, info.identity(), status, reason);
  }

  private static PlannedStep failed(CleanupEntry entry, ImagePath path, String reason) {
    return new PlannedStep(entry.id(), entry.action(), path, null, FileType.OTHER, -1, null, CleanupStatus.FAILED, reason);
  }
}
