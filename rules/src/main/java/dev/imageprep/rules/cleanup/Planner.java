package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackagedPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns cleanup items into the concrete plan: expands each pattern against the image, looks at every
 * match with a no-follow {@code lstat}, and decides per path what will happen or why it will not.
 * It reads through {@link ImageFiles} only, so it cannot leave the image's root, and it changes
 * nothing.
 *
 * <p>What packages own stays unless an item names that very path: a package-owned directory an item
 * would remove is emptied instead, and a package-owned file only an item's pattern or an emptied
 * directory reaches is left with the reason. A path two items reach is planned once, by the first.
 * Mount points are treated alike: nothing at or below one is planned (another filesystem), and a
 * directory that holds one is emptied around it.
 *
 * <p>What each action kind does with a match no guard refused is its {@link ActionPlanning}'s (named
 * by {@link ActionKind}); what every kind shares — the guards, keeps, package ownership, the removal
 * walk and the step records — is here, and the plannings receive it.
 *
 * <p>Directories are read as streams and the plan is a compact {@link StepList}, so a million files
 * in one directory plan in flat memory; nothing here recurses.
 */
public final class Planner {

  private final ImageFiles files;
  private final GlobExpander expander;
  private final List<Guard> protectedPaths;
  private final List<Guard> keptPaths;
  private final Fact<PackageFiles> packaged;
  private final Map<String, List<CleanupEntry.Keep>> keeps = new HashMap<>();
  private List<Guard> mountPoints = List.of();
  private long stepLimit = Long.MAX_VALUE;

  /** A path the planner must not touch, with the sentence that says why. */
  public record Guard(ImagePath path, String reason) {}

  /**
   * @param protectedPaths paths the profile forbids touching at all (WorkSpaces: {@code /home})
   * @param keptPaths paths this run needs until it ends (its working directory, its report)
   */
  public Planner(ImageFiles files, List<Guard> protectedPaths, List<Guard> keptPaths) {
    this(files, protectedPaths, keptPaths, Fact.known(PackageFiles.NONE));
  }

  /**
   * @param packaged the image's packaged paths; {@code Unknown} makes every removal fail, since
   *     nobody can tell what packages need
   */
  public Planner(ImageFiles files, List<Guard> protectedPaths, List<Guard> keptPaths, Fact<PackageFiles> packaged) {
    this.files = files;
    this.expander = new GlobExpander(files);
    this.protectedPaths = resolveAll(files, protectedPaths);
    this.keptPaths = resolveAll(files, keptPaths);
    this.packaged = packaged;
  }

  /**
   * @param mounts the mount points inside the image other than its root, each with what is mounted
   *     there: nothing at or below one is planned (another filesystem)
   */
  public Planner withMountPoints(List<Guard> mounts) {
    this.mountPoints = List.copyOf(mounts);
    return this;
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
    PlanLedger ledger = new PlanLedger(stepLimit);
    for (CleanupEntry entry : sorted) {
      keeps.put(entry.id(), resolveKeeps(entry));
      for (Glob glob : entry.paths()) {
        List<GlobExpander.Unreadable> unreadable = expander.expand(glob,
            (match, listed) -> planMatch(entry, match, listed, ledger));
        for (GlobExpander.Unreadable u : unreadable) {
          ledger.problem(failed(entry, u.directory(), "could not read directory: " + u.reason()));
        }
      }
      ledger.endOfItem(entry);
    }
    return new CleanupPlan(ledger.build());
  }

  private List<CleanupEntry.Keep> resolveKeeps(CleanupEntry entry) {
    List<CleanupEntry.Keep> out = new ArrayList<>();
    for (CleanupEntry.Keep k : entry.keep()) {
      Fact<ImagePath> real = files.resolve(k.path());
      out.add(new CleanupEntry.Keep(real.isKnown() ? real.value() : k.path(), k.reason()));
    }
    return out;
  }

  /**
   * @param listed the entry as the directory listing gave it, when the match came from one (saves
   *     looking again), else null
   */
  private void planMatch(CleanupEntry entry, ImagePath matched, FileInfo listed, PlanLedger ledger) {
    FileInfo info;
    ImagePath shownMatch;
    if (listed != null) {
      info = listed;
      shownMatch = listed.path().equals(matched) ? null : matched;
    } else {
      Fact<ImagePath> parent = files.resolve(matched.parent());
      if (!parent.isKnown()) {
        ledger.add(failed(entry, matched, "could not resolve " + matched.parent() + ": " + parent.reason()));
        return;
      }
      ImagePath real = matched.isRoot() ? matched : parent.value().child(matched.fileName());
      shownMatch = real.equals(matched) ? null : matched;
      Fact<Optional<FileInfo>> stat = files.stat(real);
      if (!stat.isKnown()) {
        ledger.add(failed(entry, real, "could not look at it: " + stat.reason()));
        return;
      }
      if (stat.value().isEmpty()) {
        return; // already absent: nothing to do, which is success
      }
      info = stat.value().get();
    }
    ImagePath real = info.path();
    Optional<String> guard = guardReason(real).or(() -> keepReason(entry, real));
    ActionPlanning planning = entry.action().planning();
    if (guard.isPresent()) {
      ledger.add(step(entry, planning.refusedAs(entry.action()), info, shownMatch, 0, CleanupStatus.SKIPPED,
          guard.get()));
      return;
    }
    planning.plan(new ActionPlanning.Match(entry, info, shownMatch, entry.names(matched)), this, ledger::add);
  }

  ImageFiles files() {
    return files;
  }

  /** The image's packaged paths, or why they are not known. */
  Fact<PackageFiles> packaged() {
    return packaged;
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

  /**
   * Plans removing one entry: all of it, or, where a package or the item keeps something inside a
   * directory, everything else in it. The walk is iterative and goes only into directories that
   * hold something kept.
   *
   * @param named whether the item names this very path (a package-owned path is removed only then)
   */
  List<PlannedStep> removal(CleanupEntry entry, FileInfo top, ImagePath matched, boolean named) {
    List<PlannedStep> out = new ArrayList<>();
    Deque<FileInfo> work = new ArrayDeque<>();
    work.push(top);
    while (!work.isEmpty()) {
      FileInfo f = work.pop();
      ImagePath shown = f == top ? matched : null;
      Optional<String> refused = guardReason(f.path()).or(() -> keepReason(entry, f.path()));
      if (refused.isPresent()) {
        out.add(step(entry, ActionKind.REMOVE, f, shown, 0, CleanupStatus.SKIPPED, refused.get()));
        continue;
      }
      if (!packaged.isKnown()) {
        out.add(failed(entry, f.path(), "could not tell whether a package owns it: " + packaged.reason()));
        continue;
      }
      Optional<PackagedPath> owner = packaged.value().find(f.path());
      boolean namedHere = f == top && named;
      if (owner.isPresent() && !namedHere && !f.isDirectory()) {
        out.add(step(entry, ActionKind.REMOVE, f, shown, 0, CleanupStatus.SKIPPED, packageOwned(owner.get())
            + ": removed only when a cleanup item names this very path"));
        continue;
      }
      Optional<Guard> mountBelow = mountBelow(f.path());
      if (f.isDirectory() && ((owner.isPresent() && !namedHere) || packaged.value().ownsBelow(f.path())
          || keepsBelow(entry, f.path()) || mountBelow.isPresent())) {
        Fact<List<FileInfo>> children = files.list(f.path());
        if (!children.isKnown()) {
          out.add(failed(entry, f.path(), "could not read directory: " + children.reason()));
          continue;
        }
        String why = owner.isPresent() && !namedHere ? packageOwned(owner.get()) + ": the directory stays"
            : mountBelow.isPresent() ? "kept: another filesystem is mounted inside it (" + mountBelow.get().reason() + ")"
            : "kept: it holds " + (packaged.value().ownsBelow(f.path()) ? "package-owned files" : "what this item keeps");
        out.add(step(entry, ActionKind.REMOVE, f, shown, 0, CleanupStatus.SKIPPED, why + "; the rest of its contents"
            + " is removed"));
        List<FileInfo> list = children.value();
        for (int i = list.size() - 1; i >= 0; i--) {
          work.push(list.get(i)); // reversed onto the stack: planned in listing order
        }
        continue;
      }
      PlannedStep s = removeStep(entry, f, shown);
      if (owner.isPresent() && s.isPlanned()) {
        s = s.withOutcome(CleanupStatus.PLANNED, packageOwned(owner.get()) + ": named by this item");
      }
      out.add(s);
    }
    return out;
  }

  static String packageOwned(PackagedPath p) {
    return "package-owned (" + p.ownerNames() + ")";
  }

  /** A step that writes into a file: only a regular file with no other hard link. */
  static PlannedStep writeStep(CleanupEntry entry, ActionKind action, FileInfo info, ImagePath matched,
      String verb) {
    if (!info.isRegular()) {
      return step(entry, action, info, matched, 0, CleanupStatus.SKIPPED, notRegular(info, verb));
    }
    if (info.links() > 1) {
      return step(entry, action, info, matched, 0, CleanupStatus.SKIPPED, hardLinks(info.links(), verb));
    }
    return step(entry, action, info, matched, info.size(), CleanupStatus.PLANNED, null);
  }

  /**
   * A step that empties a file in place, or none when it is empty already (a no-follow look: a
   * symlink or a special file is never empty, and is refused by {@link #writeStep}).
   */
  static Optional<PlannedStep> emptying(ActionPlanning.Match match, ActionKind action, String verb) {
    FileInfo info = match.info();
    if (info.isRegular() && info.size() == 0) {
      return Optional.empty();
    }
    return Optional.of(writeStep(match.entry(), action, info, match.shown(), verb));
  }

  /** Why a file with other hard links is refused; the executor says the same of one opened later. */
  public static String hardLinks(int links, String verb) {
    return "refused: the file has " + links + " hard links, and a file " + verb + " here would change under its"
        + " other names too, wherever they are; remove the other links and run again";
  }

  private static String notRegular(FileInfo info, String verb) {
    if (info.isSymlink()) {
      return "symlink: not followed, so nothing is " + verb;
    }
    return "refused: a " + info.type().key() + " is not a regular file and is never " + verb;
  }

  /** Why a path must not be touched: it is, lies below or contains a protected path, or is on another mount. */
  Optional<String> guardReason(ImagePath path) {
    for (Guard g : protectedPaths) {
      if (g.path().contains(path) || path.contains(g.path())) {
        return Optional.of("protected: " + g.reason());
      }
    }
    for (Guard m : mountPoints) {
      if (m.path().contains(path)) {
        return Optional.of("another filesystem: " + m.reason());
      }
    }
    return Optional.empty();
  }

  /** A mount point strictly below a directory, if any. */
  private Optional<Guard> mountBelow(ImagePath dir) {
    for (Guard m : mountPoints) {
      if (dir.contains(m.path()) && !dir.equals(m.path())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private Optional<String> keepReason(CleanupEntry entry, ImagePath path) {
    for (CleanupEntry.Keep k : keeps.getOrDefault(entry.id(), List.of())) {
      if (k.path().contains(path)) {
        return Optional.of("kept: " + k.reason());
      }
    }
    return Optional.empty();
  }

  private boolean keepsBelow(CleanupEntry entry, ImagePath dir) {
    return keeps.getOrDefault(entry.id(), List.of()).stream().anyMatch(k -> dir.contains(k.path()) && !dir.equals(k.path()));
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

  static PlannedStep step(CleanupEntry entry, ActionKind action, FileInfo info, ImagePath matched,
      long bytes, CleanupStatus status, String reason) {
    return new PlannedStep(entry.id(), action, info.path(), matched, info.type(), bytes, info.identity(), status, reason);
  }

  static PlannedStep failed(CleanupEntry entry, ImagePath path, String reason) {
    return new PlannedStep(entry.id(), entry.action(), path, null, FileType.OTHER, -1, null, CleanupStatus.FAILED, reason);
  }
}
