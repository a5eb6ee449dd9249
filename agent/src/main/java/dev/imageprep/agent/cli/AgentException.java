package dev.imageprep.agent.cli;

/** A failure with a message for the user and the exit code it leads to; printed without a stack trace. */
public final class AgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public AgentException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static AgentException usage(String message) {
    return new AgentException(ExitCodes.USAGE, message);
  }
}
