package dev.imageprep.rules.model;

/**
 * The process exit codes, part of the interface pipelines branch on; the command-line help lists
 * them from here. Never 194 or 3010: SSM Run Command and AWSTOE read those as "reboot and run this
 * step again".
 */
public enum ExitCode {
  OK(0, "ready, the cleanup finished, or (--dry-run) it was planned"),
  NOT_READY(1, "not ready: a rule at or above --fail-on failed or could not be determined, a finding awaits"
      + " the cleanup, or the cleanup was declined at the prompt"),
  USAGE(2, "usage, configuration or rule-file error, a --root that is not an operating system, or a change"
      + " without the privileges it needs; nothing was changed"),
  INCOMPLETE(3, "incomplete: an action failed, the run was interrupted, the report could not be written, or an"
      + " internal error"),
  LOCKED(4, "another imageprep run holds the lock (the message names its pid)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** One line for help texts and documentation. */
  public String meaning() {
    return meaning;
  }
}
