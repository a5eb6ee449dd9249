package dev.imageprep.rules.model;

/** The one-word outcome of a run; each verdict owns the exit code it leads to, so every format agrees. */
public enum Verdict {
  /** Checks ran and nothing blocks capturing the image. */
  READY("READY", ExitCode.OK),
  /** A check blocks, or a finding awaits the cleanup, or prepare did not clean. */
  NOT_READY("NOT READY", ExitCode.NOT_READY),
  /** The cleanup finished. */
  DONE("DONE", ExitCode.OK),
  /** A dry run: the plan was made and nothing changed. */
  PLANNED("PLANNED", ExitCode.OK),
  /** A step failed or the run was interrupted: run it again to finish. */
  INCOMPLETE("INCOMPLETE", ExitCode.INCOMPLETE);

  private final String label;
  private final ExitCode exitCode;

  Verdict(String label, ExitCode exitCode) {
    this.label = label;
    this.exitCode = exitCode;
  }

  /** The spelling in reports ({@code NOT READY}). */
  public String label() {
    return label;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  @Override
  public String toString() {
    return label;
  }
}
