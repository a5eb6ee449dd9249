package dev.imageprep.rules.model;

import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.StepList;
import dev.imageprep.rules.host.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The result of one run, in the shape of the versioned JSON contract {@code imageprep/report/v2}.
 *
 * @param schema the contract this report follows ({@code imageprep/report/v2}; a report read back
 *     from a file may say {@code v1})
 * @param command {@code check}, {@code clean} or {@code prepare}
 * @param ready true only when checks ran, nothing blocks at {@code failOn}, nothing awaits the
 *     cleanup, and (for prepare) the cleanup completed
 * @param failOn the least severity whose failure blocks ({@code --fail-on}; error unless asked)
 * @param checks the final check results (for {@code prepare}, those of the verify step)
 * @param preflight for {@code prepare}, the results of the check before cleaning
 * @param cleanup the plan, or what was done, step by step
 * @param notes sentences about the run itself (why cleanup did not run, what was auto-detected)
 */
public record Report(
    String schema,
    ToolInfo tool,
    String command,
    Instant startedAt,
    Instant finishedAt,
    HostSection host,
    boolean ready,
    Verdict verdict,
    Severity failOn,
    Summary summary,
    List<String> notes,
    List<CheckResult> checks,
    List<CheckResult> preflight,
    List<PlannedStep> cleanup) {

  public static final String SCHEMA = "imageprep/report/v2";

  public Report {
    failOn = failOn == null ? Severity.ERROR : failOn;
    notes = notes == null ? List.of() : List.copyOf(notes);
    checks = checks == null ? List.of() : List.copyOf(checks);
    preflight = preflight == null ? null : List.copyOf(preflight);
    cleanup = cleanup == null ? List.of() : cleanup instanceof StepList ? cleanup : List.copyOf(cleanup);
  }

  /** The process exit code this report leads to: the verdict's. */
  public int exitCode() {
    return verdict.exitCode().code();
  }

  /** The ids of the final checks that block at {@link #failOn}, in report order. */
  public List<String> blockedBy() {
    return checks.stream().filter(c -> c.blocks(failOn)).map(CheckResult::id).toList();
  }

  /** The ids of the final checks whose findings only the cleanup has yet to remove. */
  public List<String> awaitingCleanup() {
    return checks.stream().filter(CheckResult::awaitsCleanup).map(CheckResult::id).toList();
  }

  /** True when this check blocks at the report's threshold; every format asks here. */
  public boolean blocks(CheckResult check) {
    return check.blocks(failOn);
  }
}
