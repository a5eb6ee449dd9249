package dev.imageprep.agent.cli;

/**
 * The exit codes, part of the interface pipelines branch on. Never 194 or 3010: SSM Run Command and
 * AWSTOE read those as "reboot and run this step again".
 */
public final class ExitCodes {

  /** Ready, or the cleanup finished. */
  public static final int OK = 0;
  /** Not ready: an error-level rule failed or could not be determined. */
  public static final int NOT_READY = 1;
  /** Usage, configuration or rule-file error; nothing was changed. */
  public static final int USAGE = 2;
  /** Incomplete: an action failed, the run was interrupted, or an internal error. */
  public static final int INCOMPLETE = 3;
  /** Another imageprep run holds the lock. */
  public static final int LOCKED = 4;

  private ExitCodes() {}
}
