package dev.imageprep.agent.run;

import dev.imageprep.agent.cli.ExitCodes;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.CleanupStatus;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Summary;
import dev.imageprep.rules.model.ToolInfo;
import java.time.Instant;
import java.util.List;

/**
 * Puts a run's results into a {@link Report} and decides, in this one place, the verdict and the exit
 * code, so that every output format agrees.
 */
public final class ReportAssembler {

  private final ToolInfo tool;
  private final HostSection host;
  private final Instant started;

  public ReportAssembler(ToolInfo tool, HostSection host, Instant started) {
    this.tool = tool;
    this.host = host;
    this.started = started;
  }

  public Report check(List<CheckResult> checks, List<PlannedStep> preview, List<String> notes, Instant finished) {
    boolean ready = checks.stream().noneMatch(CheckResult::blocksReadiness);
    return new Report(Report.SCHEMA, tool, "check", started, finished, host, ready, ready ? "READY" : "NOT READY",
        ready ? ExitCodes.OK : ExitCodes.NOT_READY, Summary.of(checks, preview), notes, checks, null, preview);
  }

  public Report clean(List<PlannedStep> steps, boolean dryRun, boolean interrupted, List<String> notes,
      Instant finished) {
    boolean failed = interrupted || steps.stream().anyMatch(s -> s.status() == CleanupStatus.FAILED);
    String verdict = failed ? "INCOMPLETE" : dryRun ? "PLANNED" : "DONE";
    return new Report(Report.SCHEMA, tool, "clean", started, finished, host, false, verdict,
        failed ? ExitCodes.INCOMPLETE : ExitCodes.OK, Summary.of(List.of(), steps), notes, List.of(), null, steps);
  }

  /**
   * @param verify the checks after cleaning, or null when the cleanup did not run
   */
  public Report prepare(List<CheckResult> preflight, List<PlannedStep> steps, List<CheckResult> verify,
      boolean dryRun, boolean interrupted, List<String> notes, Instant finished) {
    List<CheckResult> finalChecks = verify != null ? verify : preflight;
    boolean cleanupFailed = interrupted || steps.stream().anyMatch(s -> s.status() == CleanupStatus.FAILED);
    boolean ready = verify != null && !cleanupFailed && verify.stream().noneMatch(CheckResult::blocksReadiness);
    String verdict;
    int exit;
    if (cleanupFailed) {
      verdict = "INCOMPLETE";
      exit = ExitCodes.INCOMPLETE;
    } else if (dryRun) {
      boolean wouldClean = preflight.stream().noneMatch(CheckResult::blocksCleanup);
      verdict = wouldClean ? "PLANNED" : "NOT READY";
      exit = wouldClean ? ExitCodes.OK : ExitCodes.NOT_READY;
    } else {
      verdict = ready ? "READY" : "NOT READY";
      exit = ready ? ExitCodes.OK : ExitCodes.NOT_READY;
    }
    return new Report(Report.SCHEMA, tool, "prepare", started, finished, host, ready, verdict, exit,
        Summary.of(finalChecks, steps), notes, finalChecks, verify != null ? preflight : null, steps);
  }
}
