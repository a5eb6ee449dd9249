package dev.imageprep.agent.run;

import dev.imageprep.rules.model.ExitCode;

/** A failure with a message for the user and the exit code it leads to; printed without a stack trace. */
public final class AgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public AgentException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** Bad input (options, rule files, a --root that is no system): exit 2, nothing changed. */
  public static AgentException usage(String message) {
    return new AgentException(ExitCode.USAGE, message);
  }
}
