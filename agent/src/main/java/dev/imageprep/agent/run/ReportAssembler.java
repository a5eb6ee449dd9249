package dev.imageprep.agent.run;

import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Summary;
import dev.imageprep.rules.model.ToolInfo;
import dev.imageprep.rules.model.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * Puts a run's results into a {@link Report} and decides, in this one place, the verdict (which owns
 * the exit code), so that every output format agrees.
 */
public final class ReportAssembler {

  private final ToolInfo tool;
  private final HostSection host;
  private final Instant started;
  private final Severity failOn;

  /** @param failOn the least severity whose failure blocks ({@code --fail-on}) */
  public ReportAssembler(ToolInfo tool, HostSection host, Instant started, Severity failOn) {
    this.tool = tool;
    this.host = host;
    this.started = started;
    this.failOn = failOn;
  }

  /** Ready when nothing blocks and nothing awaits the cleanup. */
  public Report check(List<CheckResult> checks, List<PlannedStep> preview, List<String> notes, Instant finished) {
    boolean ready = clear(checks);
    return new Report(Report.SCHEMA, tool, "check", started, finished, host, ready,
        ready ? Verdict.READY : Verdict.NOT_READY, failOn, Summary.of(checks, preview, failOn), notes, checks, null,
        preview);
  }

  public Report clean(List<PlannedStep> steps, boolean dryRun, boolean interrupted, List<String> notes,
      Instant finished) {
    Verdict verdict = incomplete(steps, interrupted) ? Verdict.INCOMPLETE : dryRun ? Verdict.PLANNED : Verdict.DONE;
    return new Report(Report.SCHEMA, tool, "clean", started, finished, host, false, verdict, failOn,
        Summary.of(List.of(), steps, failOn), notes, List.of(), null, steps);
  }

  /**
   * @param verify the checks after cleaning, or null when the cleanup did not run
   */
  public Report prepare(List<CheckResult> preflight, List<PlannedStep> steps, List<CheckResult> verify,
      boolean dryRun, boolean interrupted, List<String> notes, Instant finished) {
    List<CheckResult> finalChecks = verify != null ? verify : preflight;
    boolean cleanupFailed = incomplete(steps, interrupted);
    boolean ready = verify != null && !cleanupFailed && clear(verify);
    Verdict verdict;
    if (cleanupFailed) {
      verdict = Verdict.INCOMPLETE;
    } else if (dryRun) {
      verdict = preflight.stream().noneMatch(c -> c.blocks(failOn)) ? Verdict.PLANNED : Verdict.NOT_READY;
    } else {
      verdict = ready ? Verdict.READY : Verdict.NOT_READY;
    }
    return new Report(Report.SCHEMA, tool, "prepare", started, finished, host, ready, verdict, failOn,
        Summary.of(finalChecks, steps, failOn), notes, finalChecks, verify != null ? preflight : null, steps);
  }

  private boolean clear(List<CheckResult> checks) {
    return checks.stream().noneMatch(c -> c.blocks(failOn) || c.awaitsCleanup());
  }

  private static boolean incomplete(List<PlannedStep> steps, boolean interrupted) {
    return interrupted || steps.stream().anyMatch(s -> s.status() == CleanupStatus.FAILED);
  }
}
