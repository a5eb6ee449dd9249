package dev.imageprep.rules.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.StepList;
import java.time.Instant;
import java.util.List;

/**
 * The result of one run, in the shape of the versioned JSON contract {@code imageprep/report/v1}.
 *
 * @param command {@code check}, {@code clean} or {@code prepare}
 * @param verdict {@code READY}, {@code NOT READY}, {@code DONE} or {@code INCOMPLETE}
 * @param exitCode the process exit code this report leads to
 * @param checks the final check results (for {@code prepare}, those of the verify step)
 * @param preflight for {@code prepare}, the results of the check before cleaning
 * @param cleanup the plan, or what was done, step by step
 * @param notes sentences about the run itself (why cleanup did not run, what was auto-detected)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "tool", "command", "startedAt", "finishedAt", "host", "ready", "verdict", "exitCode",
    "summary", "notes", "checks", "preflight", "cleanup"})
public record Report(
    String schema,
    ToolInfo tool,
    String command,
    Instant startedAt,
    Instant finishedAt,
    HostSection host,
    boolean ready,
    String verdict,
    int exitCode,
    Summary summary,
    List<String> notes,
    List<CheckResult> checks,
    List<CheckResult> preflight,
    List<PlannedStep> cleanup) {

  public static final String SCHEMA = "imageprep/report/v1";

  public Report {
    notes = List.copyOf(notes);
    checks = List.copyOf(checks);
    preflight = preflight == null ? null : List.copyOf(preflight);
    cleanup = cleanup instanceof StepList ? cleanup : List.copyOf(cleanup); // compact and immutable already
  }
}
