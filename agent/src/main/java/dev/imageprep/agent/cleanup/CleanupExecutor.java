package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.ReparsePoints;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.StepList;
import dev.imageprep.rules.host.FileType;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Carries out exactly the steps of a plan, in order, and nothing else. Before each step it looks at
 * the entry again (no-follow): gone means done (re-runs are idempotent), a different type or identity
 * means skipped. A failed step does not stop the steps after it; an interruption stops between steps.
 */
public final class CleanupExecutor {

  /** Told about each step as it starts and how many bytes are processed, for progress display. */
  public interface Listener {
    void starting(PlannedStep step);

    void bytes(long count);

    Listener NONE = new Listener() {
      @Override
      public void starting(PlannedStep step) {}

      @Override
      public void bytes(long count) {}
    };
  }

  private final SafeTree tree;
  private final CleanupActions actions;
  private final Journal journal;
  /** Why the journal could not be written, once it could not. */
  private String journalFailure;

  public CleanupExecutor(SafeTree tree, CleanupActions actions, Journal journal) {
    this.tree = tree;
    this.actions = actions;
    this.journal = journal;
  }

  /**
   * Carries out the plan. A step runs only once the journal holds its "begin" line: when the journal
   * cannot be written (a full or failing disk), the run stops there, and the remaining steps are
   * reported as not run, with why ({@link #stoppedBecause}).
   *
   * @param interrupted polled between steps; once true, the remaining steps are reported as skipped
   * @return the plan's steps with their outcomes (a compact list: a million steps stay small)
   */
  public List<PlannedStep> execute(CleanupPlan plan, Listener listener, BooleanSupplier interrupted) {
    StepList steps = plan.steps();
    StepList.Outcomes outcomes = steps.outcomes();
    record(() -> journal.event("start", Map.of("steps", steps.size(), "plannedBytes", plan.plannedBytes())));
    long notRun = 0;
    try {
      for (int i = 0; i < steps.size(); i++) {
        if (steps.status(i) != CleanupStatus.PLANNED) {
          PlannedStep skipped = steps.get(i);
          record(() -> journal.step("not-run", skipped));
          continue;
        }
        if (notRun > 0 || journalFailure != null || interrupted.getAsBoolean()) {
          notRun++;
          outcomes.set(i, CleanupStatus.SKIPPED, journalFailure != null ? "not run: " + journalFailure : INTERRUPTED);
          continue;
        }
        PlannedStep step = steps.get(i);
        listener.starting(step);
        boolean atomic = isAtomic(step);
        if (!atomic && !record(() -> journal.step("begin", step))) {
          notRun++;
          outcomes.set(i, CleanupStatus.SKIPPED, "not run: " + journalFailure);
          continue;
        }
        PlannedStep result = run(step, listener::bytes);
        outcomes.set(i, result.status(), result.reason());
        if (atomic && result.status() == CleanupStatus.DONE) {
          record(() -> journal.removed(result));
        } else {
          record(() -> journal.step("end", result));
        }
      }
    } finally {
      tree.close();
    }
    long skipped = notRun;
    if (skipped > 0) {
      record(() -> journal.event("not-run", Map.of("steps", skipped, "reason",
          journalFailure != null ? "not run: " + journalFailure : INTERRUPTED)));
    }
    record(() -> journal.event("end", Map.of("interrupted", skipped > 0)));
    return outcomes.list();
  }

  private static final String INTERRUPTED = "not run: the run was interrupted";

  /**
   * Removing one file or link is a single {@code unlinkat}: done or not, nothing to audit half-way,
   * so the journal records it once done (in batches) rather than before and after.
   */
  private static boolean isAtomic(PlannedStep step) {
    return step.action() == ActionKind.REMOVE && step.type() != FileType.DIRECTORY;
  }

  /** Why the run stopped before the end of the plan because the journal could not be written, if it did. */
  public Optional<String> stoppedBecause() {
    return Optional.ofNullable(journalFailure);
  }

  /** A journal write that must not fail silently. */
  private interface JournalWrite {
    void write() throws IOException;
  }

  /** Writes to the journal unless it already failed; the first failure is kept. @return true if written */
  private boolean record(JournalWrite write) {
    if (journalFailure != null) {
      return false;
    }
    try {
      write.write();
      return true;
    } catch (IOException e) {
      journalFailure = "the journal " + journal.file() + " could not be written (" + reason(e) + ")";
      return false;
    }
  }

  private PlannedStep run(PlannedStep step, LongConsumer progress) {
    try (Target target = tree.open(step.path())) {
      Optional<BasicFileAttributes> attrs = target.lstat();
      if (attrs.isEmpty()) {
        return step.withOutcome(CleanupStatus.DONE, "already absent");
      }
      Optional<String> changed = changedSincePlanning(step, attrs.get());
      if (changed.isPresent()) {
        return step.withOutcome(CleanupStatus.SKIPPED, changed.get());
      }
      CleanupAction action = actions.forKind(step.action())
          .orElseThrow(() -> new IOException("no action carries out " + step.action().key()));
      String note = action.apply(step, target, attrs.get(), progress);
      return step.withOutcome(CleanupStatus.DONE, note != null ? note : step.reason());
    } catch (ChangedException e) {
      return step.withOutcome(CleanupStatus.SKIPPED, "changed since planning: " + e.getMessage());
    } catch (MountPointException e) {
      return step.withOutcome(CleanupStatus.SKIPPED, "another filesystem: " + e.getMessage());
    } catch (SkipException | RefusedException e) {
      return step.withOutcome(CleanupStatus.SKIPPED, e.getMessage());
    } catch (IOException e) {
      return step.withOutcome(CleanupStatus.FAILED, reason(e));
    }
  }

  static Optional<String> changedSincePlanning(PlannedStep step, BasicFileAttributes now) {
    FileType type = typeOf(now);
    // BasicFileAttributes cannot tell a FIFO from a socket or a device: compare them as "other"
    FileType planned = isSpecial(step.type()) ? FileType.OTHER : step.type();
    if (type != planned) {
      return Optional.of("changed since planning: was a " + step.type().key() + ", now a " + type.key());
    }
    String identity = now.fileKey() == null ? null : now.fileKey().toString();
    if (step.identity() != null && identity != null && !Objects.equals(step.identity(), identity)) {
      return Optional.of("changed since planning: replaced by another " + type.key());
    }
    return Optional.empty();
  }

  private static boolean isSpecial(FileType t) {
    return t != FileType.REGULAR && t != FileType.DIRECTORY && t != FileType.SYMLINK;
  }

  static FileType typeOf(BasicFileAttributes a) {
    if (ReparsePoints.isLink(a)) {
      return FileType.SYMLINK;
    }
    if (a.isDirectory()) {
      return FileType.DIRECTORY;
    }
    if (a.isRegularFile()) {
      return FileType.REGULAR;
    }
    return FileType.OTHER;
  }

  /** The failure in words, without this machine's path to the image (the step names the path). */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "directory not empty (something wrote into it while it was removed)";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
