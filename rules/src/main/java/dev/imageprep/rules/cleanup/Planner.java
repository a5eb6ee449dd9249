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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns cleanup items into the concrete plan: expands each pattern against the image, looks at every
 * match with a no-follow {@code lstat}, and decides per path what will happen or why it will not.
 * It reads through {@link ImageFiles} only, so it cannot leave the image's root, and it changes
 * nothing.
 */
public final class Planner {

  private final ImageFiles files;
  private final GlobExpander expander;
  private final List<Guard> protectedPaths;
  private final List<Guard> keptPaths;

  /** A path the planner must not touch, with the sentence that says why. */
  public record Guard(ImagePath path, String reason) {}

  /**
   * @param protectedPaths paths the profile forbids touching at all (WorkSpaces: {@code /home})
   * @param keptPaths paths this run needs until it ends (its working directory, its report)
   */
  public Planner(ImageFiles files, List<Guard> protectedPaths, List<Guard> keptPaths) {
    this.files = files;
    this.expander = new GlobExpander(files);
    this.protectedPaths = resolveAll(files, protectedPaths);
    this.keptPaths = resolveAll(files, keptPaths);
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
    Map<ImagePath, PlannedStep> byPath = new LinkedHashMap<>();
    List<PlannedStep> problems = new ArrayList<>();
    for (CleanupEntry entry : sorted) {
      for (Glob glob : entry.paths()) {
        for (ImagePath match : expand(glob, entry, problems)) {
          for (PlannedStep step : planMatch(entry, match)) {
            byPath.putIfAbsent(step.path(), step);
          }
        }
      }
    }
    List<PlannedStep> steps = new ArrayList<>(byPath.values());
    steps.addAll(problems);
    return new CleanupPlan(steps);
  }

  private List<ImagePath> expand(Glob glob, CleanupEntry entry, List<PlannedStep> problems) {
    GlobExpander.Expansion expansion = expander.expand(glob);
    for (GlobExpander.Unreadable u : expansion.unreadable()) {
      problems.add(failed(entry, u.directory(), "could not read directory: " + u.reason()));
    }
    return expansion.matches();
  }

  private List<PlannedStep> planMatch(CleanupEntry entry, ImagePath matched) {
    Fact<ImagePath> parent = files.resolve(matched.parent());
    if (!parent.isKnown()) {
      return List.of(failed(entry, matched, "could not resolve " + matched.parent() + ": " + parent.reason()));
    }
    ImagePath real = matched.isRoot() ? matched : parent.value().child(matched.fileName());
    ImagePath shownMatch = real.equals(matched) ? null : matched;
    Fact<Optional<FileInfo>> stat = files.stat(real);
    if (!stat.isKnown()) {
      return List.of(failed(entry, real, "could not look at it: " + stat.reason()));
    }
    if (stat.value().isEmpty()) {
      return List.of(); // already absent: nothing to do, which is success
    }
    FileInfo info = stat.value().get();
    Optional<String> guard = guardReason(real);
    if (guard.isPresent()) {
      return List.of(step(entry, entry.action() == ActionKind.EMPTY_DIR ? ActionKind.REMOVE : entry.action(),
          info, shownMatch, 0, CleanupStatus.SKIPPED, guard.get()));
    }
    return switch (entry.action()) {
      case REMOVE -> List.of(removeStep(entry, info, shownMatch));
      case EMPTY_DIR -> emptyDir(entry, info, shownMatch);
      case TRUNCATE -> info.isRegular() && info.size() == 0 ? List.of() // already empty
          : List.of(truncateStep(entry, info, shownMatch));
      case SHRED -> List.of(shredStep(entry, info, shownMatch));
      case RESET_MACHINE_ID -> resetMachineId(entry, info, shownMatch);
      case CLEAR_PASSWORD -> clearPassword(entry, info, shownMatch);
    };
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

  private List<PlannedStep> emptyDir(CleanupEntry entry, FileInfo info, ImagePath matched) {
    // A distribution's directory symlink (/var/spool/mail -> ../mail) is resolved like any
    // directory on the way and stays; its entries are planned without being followed.
    Fact<ImagePath> dir = info.isSymlink() ? files.resolve(info.path()) : Fact.known(info.path());
    if (!dir.isKnown()) {
      return List.of(failed(entry, info.path(), "could not resolve the directory: " + dir.reason()));
    }
    Fact<Optional<FileInfo>> target = files.stat(dir.value());
    if (!target.isKnown()) {
      return List.of(failed(entry, dir.value(), "could not look at it: " + target.reason()));
    }
    if (target.value().isEmpty()) {
      return List.of();
    }
    if (!target.value().get().isDirectory()) {
      return List.of(step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.SKIPPED,
          "not a directory (" + target.value().get().type().key() + "): empty-dir only empties directories"));
    }
    Fact<List<FileInfo>> entries = files.list(dir.value());
    if (!entries.isKnown()) {
      return List.of(failed(entry, dir.value(), "could not read directory: " + entries.reason()));
    }
    List<PlannedStep> out = new ArrayList<>();
    for (FileInfo child : entries.value()) {
      Optional<String> guard = guardReason(child.path());
      if (guard.isPresent()) {
        out.add(step(entry, ActionKind.REMOVE, child, null, 0, CleanupStatus.SKIPPED, guard.get()));
      } else {
        out.add(removeStep(entry, child, null));
      }
    }
    return out;
  }

  private PlannedStep truncateStep(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (!info.isRegular()) {
      return step(entry, ActionKind.TRUNCATE, info, matched, 0, CleanupStatus.SKIPPED,
          notRegular(info, "truncated"));
    }
    return step(entry, ActionKind.TRUNCATE, info, matched, info.size(), CleanupStatus.PLANNED, null);
  }

  private PlannedStep shredStep(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (info.isSymlink()) {
      return step(entry, ActionKind.REMOVE, info, matched, 0, CleanupStatus.PLANNED,
          "symlink: removed as a link, its target is not shredded");
    }
    if (!info.isRegular()) {
      return step(entry, ActionKind.SHRED, info, matched, 0, CleanupStatus.SKIPPED, notRegular(info, "shredded"));
    }
    if (info.links() > 1) {
      return step(entry, ActionKind.SHRED, info, matched, 0, CleanupStatus.SKIPPED,
          "refused: the file has " + info.links() + " hard links, and overwriting it would destroy the data"
              + " under its other names; remove the other links and run again");
    }
    return step(entry, ActionKind.SHRED, info, matched, info.size(), CleanupStatus.PLANNED, null);
  }

  private List<PlannedStep> resetMachineId(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (!info.isRegular()) {
      return List.of(step(entry, ActionKind.RESET_MACHINE_ID, info, matched, 0, CleanupStatus.SKIPPED,
          notRegular(info, "emptied")));
    }
    if (info.size() == 0) {
      return List.of(); // already reset
    }
    return List.of(step(entry, ActionKind.RESET_MACHINE_ID, info, matched, info.size(), CleanupStatus.PLANNED, null));
  }

  private List<PlannedStep> clearPassword(CleanupEntry entry, FileInfo info, ImagePath matched) {
    if (!info.isRegular()) {
      return List.of(step(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, CleanupStatus.SKIPPED,
          notRegular(info, "edited")));
    }
    Fact<Optional<String>> text = files.readText(info.path(), AdminPasswords.MAX_BYTES);
    if (!text.isKnown()) {
      return List.of(failed(entry, info.path(), "could not read it: " + text.reason()));
    }
    if (text.value().isEmpty()) {
      return List.of();
    }
    try {
      AdminPasswords.Format format = AdminPasswords.Format.of(info.path().fileName());
      if (AdminPasswords.clear(format, text.value().get()).isEmpty()) {
        return List.of(); // no clear-text password: nothing to do
      }
      int secrets = AdminPasswords.read(format, text.value().get()).secrets().size();
      return List.of(step(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, CleanupStatus.PLANNED,
          "blanks " + secrets + " clear-text administrator password(s) and sets the password type to random"));
    } catch (AdminPasswords.FormatException e) {
      return List.of(step(entry, ActionKind.CLEAR_PASSWORD, info, matched, 0, CleanupStatus.SKIPPED,
          "not changed: " + e.getMessage()));
    }
  }

  private static String notRegular(FileInfo info, String verb) {
    if (info.isSymlink()) {
      return "symlink: not followed, so nothing is " + verb;
    }
    return "refused: a " + info.type().key() + " is not a regular file and is never " + verb;
  }

  private Optional<String> guardReason(ImagePath path) {
    for (Guard g : protectedPaths) {
      if (g.path().contains(path) || path.contains(g.path())) {
        return Optional.of("protected: " + g.reason());
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
